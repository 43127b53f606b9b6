-- Issue 19 part C (ADR 047): reports drafted from records and their 报送, and the problems of a
-- FINAL 工作总结 tracked as rectifications. The figures SPECIAL_REPORT_SENT, BRIEFING_SENT,
-- DEBRIEF_SENT, DEMOCRATIC_LIFE_SENT and JUDGEMENT_REPORT_SENT (contracts/figures.ts) count
-- "ReportSubmission" rows by their sentAt under the rollup source report_sent, part = report kind.

ALTER TYPE "Metric" ADD VALUE 'SPECIAL_REPORT_SENT';
ALTER TYPE "Metric" ADD VALUE 'BRIEFING_SENT';
ALTER TYPE "Metric" ADD VALUE 'DEBRIEF_SENT';
ALTER TYPE "Metric" ADD VALUE 'DEMOCRATIC_LIFE_SENT';
ALTER TYPE "Metric" ADD VALUE 'JUDGEMENT_REPORT_SENT';

-- AlterEnum
ALTER TYPE "RectificationSource" ADD VALUE 'SUMMARY';

-- AlterTable
ALTER TABLE "Rectification" ADD COLUMN     "reportDraftId" UUID;

-- CreateTable
CREATE TABLE "ReportSubmission" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "reportDraftId" UUID NOT NULL,
    "kind" VARCHAR(30) NOT NULL,
    "periodCode" VARCHAR(10) NOT NULL,
    "orgId" UUID NOT NULL,
    "toOrgId" UUID NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    "docNumber" VARCHAR(60) NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportSubmission_reportDraftId_key" ON "ReportSubmission"("reportDraftId");

-- CreateIndex
CREATE INDEX "ReportSubmission_toOrgId_sentAt_idx" ON "ReportSubmission"("toOrgId", "sentAt");

-- CreateIndex
CREATE INDEX "ReportSubmission_orgId_sentAt_idx" ON "ReportSubmission"("orgId", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReportSubmission_kind_orgId_periodCode_key" ON "ReportSubmission"("kind", "orgId", "periodCode");

-- CreateIndex
CREATE INDEX "Rectification_reportDraftId_idx" ON "Rectification"("reportDraftId");

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_reportDraftId_fkey" FOREIGN KEY ("reportDraftId") REFERENCES "ReportDraft"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSubmission" ADD CONSTRAINT "ReportSubmission_reportDraftId_fkey" FOREIGN KEY ("reportDraftId") REFERENCES "ReportDraft"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rollups of the source report_sent (ADR 018, ADR 020): one fact per submission, counted for the
-- reporting org (and, up the path, its ancestors) in the Shanghai month of its sentAt.
-- Function bodies are E-strings with \073 for each semicolon (docs/traps.md).
CREATE FUNCTION dutyboard_facts_report_sent(x "ReportSubmission") RETURNS TABLE (org uuid, month text, source text, part text)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT x."orgId", f.month, f.source, f.part
  FROM (VALUES (dutyboard_month(x."sentAt"), ''report_sent'', x.kind::text)) AS f(month, source, part)
  WHERE f.month IS NOT NULL
';

CREATE FUNCTION dutyboard_rollup_report_sent_insert() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, 1 AS n FROM new_rows x, LATERAL dutyboard_facts_report_sent(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_report_sent_insert AFTER INSERT ON "ReportSubmission" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_report_sent_insert();

CREATE FUNCTION dutyboard_rollup_report_sent_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, 1 AS n FROM new_rows x, LATERAL dutyboard_facts_report_sent(x) f UNION ALL SELECT f.*, -1 FROM old_rows x, LATERAL dutyboard_facts_report_sent(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_report_sent_update AFTER UPDATE ON "ReportSubmission" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_report_sent_update();

CREATE FUNCTION dutyboard_rollup_report_sent_delete() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, -1 AS n FROM old_rows x, LATERAL dutyboard_facts_report_sent(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_report_sent_delete AFTER DELETE ON "ReportSubmission" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_report_sent_delete();

-- The reference and the rebuild read the new table too (as 20261125030000_rollup_period_keys
-- last wrote them, plus "ReportSubmission").
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
    SELECT f.org, f.month, f.source, f.part, count(*) AS n FROM "ReportSubmission" x, LATERAL dutyboard_facts_report_sent(x) f GROUP BY 1, 2, 3, 4
  ) f
  JOIN "OrgUnit" o ON o.id = f.org
  CROSS JOIN LATERAL unnest(string_to_array(btrim(o.path, ''/''), ''/'')) AS a(id)
  CROSS JOIN LATERAL dutyboard_period_keys(f.month) AS k(key)
  GROUP BY 1, 2, 3, 4
';

CREATE OR REPLACE FUNCTION dutyboard_rollup_rebuild() RETURNS bigint LANGUAGE plpgsql AS E'
DECLARE written bigint\073
BEGIN
  LOCK TABLE "StudySession", "Activity", "PublicityItem", "RiskPointCheck", "RiskAlert", "Rectification", "ReportSubmission" IN SHARE MODE\073
  LOCK TABLE "CountRollup", "CountDelta" IN ACCESS EXCLUSIVE MODE\073
  DELETE FROM "CountDelta"\073
  DELETE FROM "CountRollup"\073
  INSERT INTO "CountRollup" ("orgId", month, source, part, n)
  SELECT e."orgId", e.month, e.source, e.part, e.n FROM dutyboard_rollup_expected() e WHERE e.n <> 0\073
  GET DIAGNOSTICS written = ROW_COUNT\073
  RETURN written\073
END ';
