-- CreateEnum
CREATE TYPE "CommitteeMeetingKind" AS ENUM ('SPECIAL_STUDY', 'SITUATION_JUDGEMENT');

-- 党工委 meetings (ADR 046): 专题研究 and 分析研判, their 议定事项 as tasks, and the figures
-- COMMITTEE_SPECIAL_STUDY / COMMITTEE_JUDGEMENT (contracts/figures.ts, rollup source "meeting").

-- AlterEnum (PostgreSQL 12+ adds several values in one transaction)
ALTER TYPE "Metric" ADD VALUE 'COMMITTEE_SPECIAL_STUDY';
ALTER TYPE "Metric" ADD VALUE 'COMMITTEE_JUDGEMENT';

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "meetingId" UUID;

-- CreateTable
CREATE TABLE "CommitteeMeeting" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "orgId" UUID NOT NULL,
    "kind" "CommitteeMeetingKind" NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "heldAt" TIMESTAMPTZ(3) NOT NULL,
    "chair" VARCHAR(64) NOT NULL,
    "venue" VARCHAR(200),
    "attendees" JSONB NOT NULL,
    "agenda" JSONB NOT NULL,
    "judgement" JSONB,
    "minutes" TEXT,
    "createdById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CommitteeMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CommitteeMeeting_orgId_heldAt_idx" ON "CommitteeMeeting"("orgId", "heldAt");

-- CreateIndex
CREATE INDEX "CommitteeMeeting_heldAt_idx" ON "CommitteeMeeting"("heldAt");

-- CreateIndex
CREATE INDEX "Assignment_meetingId_idx" ON "Assignment"("meetingId");

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CommitteeMeeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeMeeting" ADD CONSTRAINT "CommitteeMeeting_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rollup source "meeting" (ADR 018, 020): one part per meeting, its kind, by the Shanghai month of
-- heldAt. Function bodies are E-strings with \073 for each semicolon (docs/traps.md).
CREATE FUNCTION dutyboard_facts_meeting(x "CommitteeMeeting") RETURNS TABLE (org uuid, month text, source text, part text)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT x."orgId", f.month, f.source, f.part
  FROM (VALUES (dutyboard_month(x."heldAt"), ''meeting'', x.kind::text)) AS f(month, source, part)
  WHERE f.month IS NOT NULL
';

CREATE FUNCTION dutyboard_rollup_meeting_insert() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, 1 AS n FROM new_rows x, LATERAL dutyboard_facts_meeting(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_meeting_insert AFTER INSERT ON "CommitteeMeeting" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_meeting_insert();

CREATE FUNCTION dutyboard_rollup_meeting_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, 1 AS n FROM new_rows x, LATERAL dutyboard_facts_meeting(x) f UNION ALL SELECT f.*, -1 FROM old_rows x, LATERAL dutyboard_facts_meeting(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_meeting_update AFTER UPDATE ON "CommitteeMeeting" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_meeting_update();

CREATE FUNCTION dutyboard_rollup_meeting_delete() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, -1 AS n FROM old_rows x, LATERAL dutyboard_facts_meeting(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_meeting_delete AFTER DELETE ON "CommitteeMeeting" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_meeting_delete();

-- The rebuild's reference and the rebuild itself now read the meetings too.
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
    SELECT f.org, f.month, f.source, f.part, count(*) AS n FROM "CommitteeMeeting" x, LATERAL dutyboard_facts_meeting(x) f GROUP BY 1, 2, 3, 4
  ) f
  JOIN "OrgUnit" o ON o.id = f.org
  CROSS JOIN LATERAL unnest(string_to_array(btrim(o.path, ''/''), ''/'')) AS a(id)
  CROSS JOIN LATERAL dutyboard_period_keys(f.month) AS k(key)
  GROUP BY 1, 2, 3, 4
';

CREATE OR REPLACE FUNCTION dutyboard_rollup_rebuild() RETURNS bigint LANGUAGE plpgsql AS E'
DECLARE written bigint\073
BEGIN
  LOCK TABLE "StudySession", "Activity", "PublicityItem", "RiskPointCheck", "RiskAlert", "Rectification", "CommitteeMeeting" IN SHARE MODE\073
  LOCK TABLE "CountRollup", "CountDelta" IN ACCESS EXCLUSIVE MODE\073
  DELETE FROM "CountDelta"\073
  DELETE FROM "CountRollup"\073
  INSERT INTO "CountRollup" ("orgId", month, source, part, n)
  SELECT e."orgId", e.month, e.source, e.part, e.n FROM dutyboard_rollup_expected() e WHERE e.n <> 0\073
  GET DIAGNOSTICS written = ROW_COUNT\073
  RETURN written\073
END ';
