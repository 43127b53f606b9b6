-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('REPORT_MEETING', 'SEMINAR', 'LECTURE', 'FORUM');

-- CreateEnum
CREATE TYPE "EventState" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'HELD');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Metric" ADD VALUE 'EVENTS_UNAPPROVED';
ALTER TYPE "Metric" ADD VALUE 'EVENTS_APPROVED';

-- CreateTable
CREATE TABLE "EventApproval" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "orgId" UUID NOT NULL,
    "kind" "EventKind" NOT NULL,
    "topic" VARCHAR(200) NOT NULL,
    "outline" TEXT NOT NULL,
    "speaker" VARCHAR(100) NOT NULL,
    "speakerEmployer" VARCHAR(100) NOT NULL,
    "venue" VARCHAR(200) NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "audienceSize" INTEGER NOT NULL,
    "foreignParticipants" BOOLEAN NOT NULL,
    "foreignDetails" TEXT,
    "vettingOpinion" TEXT NOT NULL,
    "state" "EventState" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMPTZ(3),
    "leadDays" INTEGER,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "unapproved" BOOLEAN NOT NULL DEFAULT false,
    "round" INTEGER NOT NULL DEFAULT 0,
    "chain" JSONB NOT NULL DEFAULT '[]',
    "decisions" JSONB NOT NULL DEFAULT '[]',
    "currentStep" INTEGER,
    "pendingUserId" UUID,
    "pendingRole" "Role",
    "pendingOrgId" UUID,
    "heldAt" TIMESTAMPTZ(3),
    "heldNote" TEXT,
    "createdById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EventApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventApprovalRule" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "orgId" UUID NOT NULL,
    "leadDays" INTEGER NOT NULL,
    "steps" JSONB NOT NULL,
    "createdById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EventApprovalRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EventApproval_orgId_startsAt_idx" ON "EventApproval"("orgId", "startsAt");

-- CreateIndex
CREATE INDEX "EventApproval_pendingOrgId_pendingRole_idx" ON "EventApproval"("pendingOrgId", "pendingRole");

-- CreateIndex
CREATE INDEX "EventApproval_pendingUserId_idx" ON "EventApproval"("pendingUserId");

-- CreateIndex
CREATE UNIQUE INDEX "EventApprovalRule_orgId_key" ON "EventApprovalRule"("orgId");

-- AddForeignKey
ALTER TABLE "EventApproval" ADD CONSTRAINT "EventApproval_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventApprovalRule" ADD CONSTRAINT "EventApprovalRule_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rollup source "event" (ADR 048, contracts/figures.ts FIGURE_SOURCES.event): one fact per event
-- at the Shanghai month of its start, its part "<APPROVED|UNAPPROVED|OPEN>:<ON_TIME|LATE>" (the
-- same as contracts/event-approvals.ts eventPart). Bodies are E-strings with \073 for each
-- semicolon (docs/traps.md).
CREATE FUNCTION dutyboard_facts_event(x "EventApproval") RETURNS TABLE (org uuid, month text, source text, part text)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT x."orgId", dutyboard_month(x."startsAt"), ''event''::text,
    (CASE WHEN x.unapproved THEN ''UNAPPROVED''
          WHEN x.state IN (''APPROVED'', ''HELD'') THEN ''APPROVED''
          ELSE ''OPEN'' END) || '':'' || (CASE WHEN x.late THEN ''LATE'' ELSE ''ON_TIME'' END)
';

CREATE FUNCTION dutyboard_rollup_event_insert() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, 1 AS n FROM new_rows x, LATERAL dutyboard_facts_event(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_event_insert AFTER INSERT ON "EventApproval" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_event_insert();

CREATE FUNCTION dutyboard_rollup_event_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, 1 AS n FROM new_rows x, LATERAL dutyboard_facts_event(x) f UNION ALL SELECT f.*, -1 FROM old_rows x, LATERAL dutyboard_facts_event(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_event_update AFTER UPDATE ON "EventApproval" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_event_update();

CREATE FUNCTION dutyboard_rollup_event_delete() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, -1 AS n FROM old_rows x, LATERAL dutyboard_facts_event(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_event_delete AFTER DELETE ON "EventApproval" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_event_delete();

-- The expected rollups and the rebuild read the new table too.
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
    SELECT f.org, f.month, f.source, f.part, count(*) AS n FROM "EventApproval" x, LATERAL dutyboard_facts_event(x) f GROUP BY 1, 2, 3, 4
  ) f
  JOIN "OrgUnit" o ON o.id = f.org
  CROSS JOIN LATERAL unnest(string_to_array(btrim(o.path, ''/''), ''/'')) AS a(id)
  CROSS JOIN LATERAL dutyboard_period_keys(f.month) AS k(key)
  GROUP BY 1, 2, 3, 4
';

CREATE OR REPLACE FUNCTION dutyboard_rollup_rebuild() RETURNS bigint LANGUAGE plpgsql AS E'
DECLARE written bigint\073
BEGIN
  LOCK TABLE "StudySession", "Activity", "PublicityItem", "RiskPointCheck", "RiskAlert", "Rectification", "EventApproval" IN SHARE MODE\073
  LOCK TABLE "CountRollup", "CountDelta" IN ACCESS EXCLUSIVE MODE\073
  DELETE FROM "CountDelta"\073
  DELETE FROM "CountRollup"\073
  INSERT INTO "CountRollup" ("orgId", month, source, part, n)
  SELECT e."orgId", e.month, e.source, e.part, e.n FROM dutyboard_rollup_expected() e WHERE e.n <> 0\073
  GET DIAGNOSTICS written = ROW_COUNT\073
  RETURN written\073
END ';
