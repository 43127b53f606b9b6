-- CreateEnum
CREATE TYPE "AccountabilityType" AS ENUM ('INSPECTION', 'NOTICE', 'TALK', 'ACCOUNTABILITY');

-- CreateEnum
CREATE TYPE "NoticeColour" AS ENUM ('RED', 'YELLOW', 'GREEN');

-- CreateEnum
CREATE TYPE "AccountabilityMeasure" AS ENUM ('CRITICISM', 'ADMONITION', 'ORG_HANDLING', 'DISCIPLINE');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Metric" ADD VALUE 'BRANCH_INSPECTION';
ALTER TYPE "Metric" ADD VALUE 'NOTICE_RED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RiskPointType" ADD VALUE 'VIDEO_ACCOUNT';
ALTER TYPE "RiskPointType" ADD VALUE 'PRACTICE_STATION';
ALTER TYPE "RiskPointType" ADD VALUE 'LECTURE_HALL';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RectificationSource" ADD VALUE 'POSITION_CHECK';
ALTER TYPE "RectificationSource" ADD VALUE 'INSPECTION';

-- AlterTable
ALTER TABLE "RiskPoint" ADD COLUMN     "administrators" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "audienceSize" INTEGER,
ADD COLUMN     "lastUpdatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "reviewFinal" VARCHAR(64),
ADD COLUMN     "reviewFirst" VARCHAR(64),
ADD COLUMN     "reviewSecond" VARCHAR(64),
ADD COLUMN     "sponsor" VARCHAR(200);

-- AlterTable
ALTER TABLE "Rectification" ADD COLUMN     "accountabilityId" UUID,
ADD COLUMN     "riskPointCheckId" UUID;

-- CreateTable
CREATE TABLE "Accountability" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "orgId" UUID NOT NULL,
    "type" "AccountabilityType" NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "plannedAt" TIMESTAMPTZ(3),
    "occurredAt" TIMESTAMPTZ(3),
    "findings" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "colour" "NoticeColour",
    "grounds" TEXT,
    "person" VARCHAR(64),
    "measure" "AccountabilityMeasure",
    "followUp" TEXT,
    "createdById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Accountability_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Accountability_orgId_occurredAt_idx" ON "Accountability"("orgId", "occurredAt");

-- CreateIndex
CREATE INDEX "Accountability_occurredAt_idx" ON "Accountability"("occurredAt");

-- CreateIndex
CREATE INDEX "Rectification_riskPointCheckId_idx" ON "Rectification"("riskPointCheckId");

-- CreateIndex
CREATE INDEX "Rectification_accountabilityId_idx" ON "Rectification"("accountabilityId");

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_riskPointCheckId_fkey" FOREIGN KEY ("riskPointCheckId") REFERENCES "RiskPointCheck"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_accountabilityId_fkey" FOREIGN KEY ("accountabilityId") REFERENCES "Accountability"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Accountability" ADD CONSTRAINT "Accountability_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rollup source "accountability" (ADR 018, 049): a ledger record counts in the month it was done
-- (督查) or issued (通报, 谈话, 问责), part = its type, with the colour of a 通报 ("NOTICE:RED").
-- A 督查 still planned (no occurredAt) counts nowhere.
-- Function bodies are E-strings with \073 for each semicolon (docs/traps.md).
CREATE FUNCTION dutyboard_facts_accountability(x "Accountability") RETURNS TABLE (org uuid, month text, source text, part text)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT x."orgId", f.month, f.source, f.part
  FROM (VALUES (dutyboard_month(x."occurredAt"), ''accountability'', x.type::text || COALESCE('':'' || x.colour::text, ''''))) AS f(month, source, part)
  WHERE f.month IS NOT NULL
';

CREATE FUNCTION dutyboard_rollup_accountability_insert() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, 1 AS n FROM new_rows x, LATERAL dutyboard_facts_accountability(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_accountability_insert AFTER INSERT ON "Accountability" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_accountability_insert();

CREATE FUNCTION dutyboard_rollup_accountability_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, 1 AS n FROM new_rows x, LATERAL dutyboard_facts_accountability(x) f UNION ALL SELECT f.*, -1 FROM old_rows x, LATERAL dutyboard_facts_accountability(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_accountability_update AFTER UPDATE ON "Accountability" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_accountability_update();

CREATE FUNCTION dutyboard_rollup_accountability_delete() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, -1 AS n FROM old_rows x, LATERAL dutyboard_facts_accountability(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_accountability_delete AFTER DELETE ON "Accountability" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_accountability_delete();

-- The rollups the records imply, now with the ledger.
CREATE OR REPLACE FUNCTION dutyboard_rollup_expected() RETURNS TABLE ("orgId" uuid, month text, source text, part text, n int)
  LANGUAGE sql STABLE AS E'
  SELECT a.id::uuid, k.key, f.source, f.part, sum(f.n)::int
  FROM (
    SELECT f.org, f.month, f.source, f.part, count(*) AS n FROM "StudySession" x, LATERAL dutyboard_facts_study(x) f GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT f.org, f.month, f.source, f.part, count(*) AS n FROM "Activity" x, LATERAL dutyboard_facts_activity(x) f GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT f.org, f.month, f.source, f.part, count(*) AS n FROM "PublicityItem" x, LATERAL dutyboard_facts_publicity(x) f GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT f.org, f.month, f.source, f.part, count(*) AS n FROM "RiskPointCheck" x, LATERAL dutyboard_facts_check(x) f GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT f.org, f.month, f.source, f.part, count(*) AS n FROM "RiskAlert" x, LATERAL dutyboard_facts_alert(x) f GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT f.org, f.month, f.source, f.part, count(*) AS n FROM "Rectification" x, LATERAL dutyboard_facts_rectification(x) f GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT f.org, f.month, f.source, f.part, count(*) AS n FROM "Accountability" x, LATERAL dutyboard_facts_accountability(x) f GROUP BY 1, 2, 3, 4
  ) f
  JOIN "OrgUnit" o ON o.id = f.org
  CROSS JOIN LATERAL unnest(string_to_array(btrim(o.path, ''/''), ''/'')) AS a(id)
  CROSS JOIN LATERAL dutyboard_period_keys(f.month) AS k(key)
  GROUP BY 1, 2, 3, 4
';
