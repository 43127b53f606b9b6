-- Function bodies are E-strings with \073 for each semicolon: Prisma splits migrations at every
-- semicolon, even inside dollar quotes and comments (docs/traps.md).
-- Rollups keyed by period as well as by month (ADR 018): a dated fact also counts under its
-- quarter ("2026-Q3"), half ("2026-H2") and year ("2026"), the period codes of contracts/periods.ts.
-- A dashboard's branch cells then read one row per child and part instead of one per month, and
-- the open-alert total reads years instead of every month. Month ranges never span two years,
-- and within a year no period key sorts between "YYYY-01" and "YYYY-12", so month BETWEEN
-- filters keep meaning months. Existing rollups are rebuilt at the end.

-- The keys a fact's month counts under: itself and its quarter, half and year, or "*" alone
-- (the month arithmetic cannot fail on "*", which the planner may evaluate before the filter).
CREATE FUNCTION dutyboard_period_keys(month text) RETURNS SETOF text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS E'
  SELECT p.k
  FROM (SELECT (ascii(substr(month, 6, 1)) - 48) * 10 + ascii(substr(month, 7, 1)) - 48 AS m) AS x
  CROSS JOIN LATERAL (VALUES
      (1, month),
      (2, substr(month, 1, 4) || ''-Q'' || (x.m + 2) / 3),
      (3, substr(month, 1, 4) || ''-H'' || (x.m + 5) / 6),
      (4, substr(month, 1, 4))) AS p(i, k)
  WHERE month <> ''*'' OR p.i = 1
';

CREATE OR REPLACE FUNCTION dutyboard_rollup_append(orgs uuid[], months text[], sources text[], parts text[], ns int[])
  RETURNS void LANGUAGE sql AS E'
  INSERT INTO "CountDelta" ("orgId", month, source, part, n)
  SELECT a.id::uuid, k.key, f.source, f.part, sum(f.n)::int
  FROM unnest(orgs, months, sources, parts, ns) AS f(org, month, source, part, n)
  JOIN "OrgUnit" o ON o.id = f.org
  CROSS JOIN LATERAL unnest(string_to_array(btrim(o.path, ''/''), ''/'')) AS a(id)
  CROSS JOIN LATERAL dutyboard_period_keys(f.month) AS k(key)
  GROUP BY 1, 2, 3, 4
  HAVING sum(f.n) <> 0
';

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
  ) f
  JOIN "OrgUnit" o ON o.id = f.org
  CROSS JOIN LATERAL unnest(string_to_array(btrim(o.path, ''/''), ''/'')) AS a(id)
  CROSS JOIN LATERAL dutyboard_period_keys(f.month) AS k(key)
  GROUP BY 1, 2, 3, 4
';

SELECT dutyboard_rollup_rebuild();
