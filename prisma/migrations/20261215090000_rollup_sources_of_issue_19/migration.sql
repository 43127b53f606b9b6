-- Issue 19's four new rollup sources (ADRs 046-049) were each added on a branch of their own, and
-- each branch's migration re-declared these two functions with the base tables plus its own one:
-- whichever ran last would have left the other three out of the check and the rebuild. This one
-- runs after them all and lists every source table. A new source adds its table here again.
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
    UNION ALL
    SELECT f.org, f.month, f.source, f.part, count(*) AS n FROM "ReportSubmission" x, LATERAL dutyboard_facts_report_sent(x) f GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT f.org, f.month, f.source, f.part, count(*) AS n FROM "EventApproval" x, LATERAL dutyboard_facts_event(x) f GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT f.org, f.month, f.source, f.part, count(*) AS n FROM "Accountability" x, LATERAL dutyboard_facts_accountability(x) f GROUP BY 1, 2, 3, 4
  ) f
  JOIN "OrgUnit" o ON o.id = f.org
  CROSS JOIN LATERAL unnest(string_to_array(btrim(o.path, ''/''), ''/'')) AS a(id)
  CROSS JOIN LATERAL dutyboard_period_keys(f.month) AS k(key)
  GROUP BY 1, 2, 3, 4
';

CREATE OR REPLACE FUNCTION dutyboard_rollup_rebuild() RETURNS bigint LANGUAGE plpgsql AS E'
DECLARE written bigint\073
BEGIN
  LOCK TABLE "StudySession", "Activity", "PublicityItem", "RiskPointCheck", "RiskAlert", "Rectification", "CommitteeMeeting", "ReportSubmission", "EventApproval", "Accountability" IN SHARE MODE\073
  LOCK TABLE "CountRollup", "CountDelta" IN ACCESS EXCLUSIVE MODE\073
  DELETE FROM "CountDelta"\073
  DELETE FROM "CountRollup"\073
  INSERT INTO "CountRollup" ("orgId", month, source, part, n)
  SELECT e."orgId", e.month, e.source, e.part, e.n FROM dutyboard_rollup_expected() e WHERE e.n <> 0\073
  GET DIAGNOSTICS written = ROW_COUNT\073
  RETURN written\073
END ';
