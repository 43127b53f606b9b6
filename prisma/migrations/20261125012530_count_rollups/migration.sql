-- CreateTable
CREATE TABLE "CountRollup" (
    "orgId" UUID NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "source" VARCHAR(32) NOT NULL,
    "part" VARCHAR(64) NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "CountRollup_pkey" PRIMARY KEY ("orgId","month","source","part")
);

-- CreateTable
CREATE TABLE "CountDelta" (
    "id" BIGSERIAL NOT NULL,
    "orgId" UUID NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "source" VARCHAR(32) NOT NULL,
    "part" VARCHAR(64) NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "CountDelta_pkey" PRIMARY KEY ("id")
);

-- CreateIndex

-- Rollup maintenance (ADR 018). Each record table has a facts function: the (org, month, source,
-- part) tuples one record contributes to. Statement triggers with transition tables turn a
-- statement's old and new rows into signed facts, expand each to every org on the record org's
-- path (a rollup row counts a subtree) and append the sums to "CountDelta", in the transaction of
-- the change. dutyboard_rollup_compact() folds deltas into "CountRollup", dutyboard_rollup_rebuild()
-- recomputes everything from the records (bulk loads, repair).

-- Function bodies are E-strings with \073 for each semicolon: Prisma's schema engine splits a
-- migration at every semicolon, even inside dollar quotes (docs/traps.md).

-- The Shanghai calendar month of an instant ("YYYY-MM"), NULL for NULL.
CREATE FUNCTION dutyboard_month(at timestamptz) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS E' SELECT to_char(at AT TIME ZONE ''Asia/Shanghai'', ''YYYY-MM'') ';

-- Signed facts → one delta row per (ancestor org, month, source, part) whose sum is not zero.
-- Called by the triggers with the statement's facts as parallel arrays.
CREATE FUNCTION dutyboard_rollup_append(orgs uuid[], months text[], sources text[], parts text[], ns int[])
  RETURNS void LANGUAGE sql AS E'
  INSERT INTO "CountDelta" ("orgId", month, source, part, n)
  SELECT a.id::uuid, f.month, f.source, f.part, sum(f.n)::int
  FROM unnest(orgs, months, sources, parts, ns) AS f(org, month, source, part, n)
  JOIN "OrgUnit" o ON o.id = f.org
  CROSS JOIN LATERAL unnest(string_to_array(btrim(o.path, ''/''), ''/'')) AS a(id)
  GROUP BY 1, 2, 3, 4
  HAVING sum(f.n) <> 0
';

CREATE FUNCTION dutyboard_facts_study(x "StudySession") RETURNS TABLE (org uuid, month text, source text, part text)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT x."orgId", f.month, f.source, f.part
  FROM (VALUES (dutyboard_month(x."occurredAt"), ''study'', x.kind::text || '':'' || CASE WHEN x."topicCategory" IN (''IDEOLOGY_WORK'', ''ONLINE_IDEOLOGY'') THEN ''IDEOLOGY'' ELSE ''STUDY'' END)) AS f(month, source, part)
  WHERE f.month IS NOT NULL
';

CREATE FUNCTION dutyboard_rollup_study_insert() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, 1 AS n FROM new_rows x, LATERAL dutyboard_facts_study(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_study_insert AFTER INSERT ON "StudySession" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_study_insert();

CREATE FUNCTION dutyboard_rollup_study_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, 1 AS n FROM new_rows x, LATERAL dutyboard_facts_study(x) f UNION ALL SELECT f.*, -1 FROM old_rows x, LATERAL dutyboard_facts_study(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_study_update AFTER UPDATE ON "StudySession" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_study_update();

CREATE FUNCTION dutyboard_rollup_study_delete() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, -1 AS n FROM old_rows x, LATERAL dutyboard_facts_study(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_study_delete AFTER DELETE ON "StudySession" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_study_delete();

CREATE FUNCTION dutyboard_facts_activity(x "Activity") RETURNS TABLE (org uuid, month text, source text, part text)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT x."orgId", f.month, f.source, f.part
  FROM (VALUES (dutyboard_month(x."occurredAt"), ''activity'', x.category::text)) AS f(month, source, part)
  WHERE f.month IS NOT NULL
';

CREATE FUNCTION dutyboard_rollup_activity_insert() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, 1 AS n FROM new_rows x, LATERAL dutyboard_facts_activity(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_activity_insert AFTER INSERT ON "Activity" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_activity_insert();

CREATE FUNCTION dutyboard_rollup_activity_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, 1 AS n FROM new_rows x, LATERAL dutyboard_facts_activity(x) f UNION ALL SELECT f.*, -1 FROM old_rows x, LATERAL dutyboard_facts_activity(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_activity_update AFTER UPDATE ON "Activity" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_activity_update();

CREATE FUNCTION dutyboard_rollup_activity_delete() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, -1 AS n FROM old_rows x, LATERAL dutyboard_facts_activity(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_activity_delete AFTER DELETE ON "Activity" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_activity_delete();

CREATE FUNCTION dutyboard_facts_publicity(x "PublicityItem") RETURNS TABLE (org uuid, month text, source text, part text)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT x."orgId", f.month, f.source, f.part
  FROM (VALUES (dutyboard_month(x."publishedAt"), ''publicity'', x.level::text)) AS f(month, source, part)
  WHERE f.month IS NOT NULL
';

CREATE FUNCTION dutyboard_rollup_publicity_insert() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, 1 AS n FROM new_rows x, LATERAL dutyboard_facts_publicity(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_publicity_insert AFTER INSERT ON "PublicityItem" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_publicity_insert();

CREATE FUNCTION dutyboard_rollup_publicity_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, 1 AS n FROM new_rows x, LATERAL dutyboard_facts_publicity(x) f UNION ALL SELECT f.*, -1 FROM old_rows x, LATERAL dutyboard_facts_publicity(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_publicity_update AFTER UPDATE ON "PublicityItem" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_publicity_update();

CREATE FUNCTION dutyboard_rollup_publicity_delete() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, -1 AS n FROM old_rows x, LATERAL dutyboard_facts_publicity(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_publicity_delete AFTER DELETE ON "PublicityItem" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_publicity_delete();

CREATE FUNCTION dutyboard_facts_check(x "RiskPointCheck") RETURNS TABLE (org uuid, month text, source text, part text)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT x."orgId", f.month, f.source, f.part
  FROM (VALUES (dutyboard_month(x."checkedAt"), ''check'', CASE WHEN x."onTime" THEN ''ON_TIME'' ELSE ''LATE'' END)) AS f(month, source, part)
  WHERE f.month IS NOT NULL
';

CREATE FUNCTION dutyboard_rollup_check_insert() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, 1 AS n FROM new_rows x, LATERAL dutyboard_facts_check(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_check_insert AFTER INSERT ON "RiskPointCheck" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_check_insert();

CREATE FUNCTION dutyboard_rollup_check_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, 1 AS n FROM new_rows x, LATERAL dutyboard_facts_check(x) f UNION ALL SELECT f.*, -1 FROM old_rows x, LATERAL dutyboard_facts_check(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_check_update AFTER UPDATE ON "RiskPointCheck" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_check_update();

CREATE FUNCTION dutyboard_rollup_check_delete() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, -1 AS n FROM old_rows x, LATERAL dutyboard_facts_check(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_check_delete AFTER DELETE ON "RiskPointCheck" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_check_delete();

CREATE FUNCTION dutyboard_facts_alert(x "RiskAlert") RETURNS TABLE (org uuid, month text, source text, part text)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT x."orgId", f.month, f.source, f.part
  FROM (VALUES (dutyboard_month(x."registeredAt"), ''alert'', x.level::text || '':'' || x.state::text),
    (dutyboard_month(x."reportedAt"), ''alert_reported'', CASE WHEN x."reportedAt" <= x."reportDueAt" THEN ''ON_TIME'' ELSE ''LATE'' END),
    (dutyboard_month(x."closedAt"), ''alert_closed'', ''CLOSED'')) AS f(month, source, part)
  WHERE f.month IS NOT NULL
';

CREATE FUNCTION dutyboard_rollup_alert_insert() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, 1 AS n FROM new_rows x, LATERAL dutyboard_facts_alert(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_alert_insert AFTER INSERT ON "RiskAlert" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_alert_insert();

CREATE FUNCTION dutyboard_rollup_alert_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, 1 AS n FROM new_rows x, LATERAL dutyboard_facts_alert(x) f UNION ALL SELECT f.*, -1 FROM old_rows x, LATERAL dutyboard_facts_alert(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_alert_update AFTER UPDATE ON "RiskAlert" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_alert_update();

CREATE FUNCTION dutyboard_rollup_alert_delete() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, -1 AS n FROM old_rows x, LATERAL dutyboard_facts_alert(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_alert_delete AFTER DELETE ON "RiskAlert" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_alert_delete();

CREATE FUNCTION dutyboard_facts_rectification(x "Rectification") RETURNS TABLE (org uuid, month text, source text, part text)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT x."orgId", f.month, f.source, f.part
  FROM (VALUES (''*'', ''rectification'', x.status::text),
    (dutyboard_month(x."closedAt"), ''rectification_closed'', ''CLOSED'')) AS f(month, source, part)
  WHERE f.month IS NOT NULL
';

CREATE FUNCTION dutyboard_rollup_rectification_insert() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, 1 AS n FROM new_rows x, LATERAL dutyboard_facts_rectification(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_rectification_insert AFTER INSERT ON "Rectification" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_rectification_insert();

CREATE FUNCTION dutyboard_rollup_rectification_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, 1 AS n FROM new_rows x, LATERAL dutyboard_facts_rectification(x) f UNION ALL SELECT f.*, -1 FROM old_rows x, LATERAL dutyboard_facts_rectification(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_rectification_update AFTER UPDATE ON "Rectification" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_rectification_update();

CREATE FUNCTION dutyboard_rollup_rectification_delete() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM dutyboard_rollup_append(array_agg(d.org), array_agg(d.month), array_agg(d.source), array_agg(d.part), array_agg(d.n))
  FROM (SELECT f.*, -1 AS n FROM old_rows x, LATERAL dutyboard_facts_rectification(x) f) d\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_rectification_delete AFTER DELETE ON "Rectification" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_rollup_rectification_delete();

-- Folds every delta committed so far into the rollups: one statement, so the moved rows leave
-- "CountDelta" and reach "CountRollup" atomically, key order, so two compactions cannot deadlock.
-- Answers how many delta rows it folded.
CREATE FUNCTION dutyboard_rollup_compact() RETURNS bigint LANGUAGE plpgsql AS E'
DECLARE moved bigint\073
BEGIN
  WITH d AS (DELETE FROM "CountDelta" RETURNING "orgId", month, source, part, n),
  s AS (
    SELECT "orgId", month, source, part, sum(n)::int AS n, count(*) AS rows
    FROM d GROUP BY 1, 2, 3, 4
  ),
  up AS (
    INSERT INTO "CountRollup" AS r ("orgId", month, source, part, n)
    SELECT "orgId", month, source, part, n FROM s WHERE n <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("orgId", month, source, part) DO UPDATE SET n = r.n + EXCLUDED.n
  )
  SELECT coalesce(sum(rows), 0) INTO moved FROM s\073
  DELETE FROM "CountRollup" WHERE n = 0\073
  RETURN moved\073
END ';

-- What the rollups must hold, computed from the records alone: the reference for the rebuild
-- and for the tests that compare rollups with raw counts.
CREATE FUNCTION dutyboard_rollup_expected() RETURNS TABLE ("orgId" uuid, month text, source text, part text, n int)
  LANGUAGE sql STABLE AS E'
  SELECT a.id::uuid, f.month, f.source, f.part, sum(f.n)::int
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
  GROUP BY 1, 2, 3, 4
';

-- Recomputes every rollup from the records (after a bulk load with triggers off, or to repair).
-- Takes the tables' write locks so no change lands half-counted meanwhile.
CREATE FUNCTION dutyboard_rollup_rebuild() RETURNS bigint LANGUAGE plpgsql AS E'
DECLARE written bigint\073
BEGIN
  LOCK TABLE "StudySession", "Activity", "PublicityItem", "RiskPointCheck", "RiskAlert", "Rectification" IN SHARE MODE\073
  LOCK TABLE "CountRollup", "CountDelta" IN ACCESS EXCLUSIVE MODE\073
  DELETE FROM "CountDelta"\073
  DELETE FROM "CountRollup"\073
  INSERT INTO "CountRollup" ("orgId", month, source, part, n)
  SELECT e."orgId", e.month, e.source, e.part, e.n FROM dutyboard_rollup_expected() e WHERE e.n <> 0\073
  GET DIAGNOSTICS written = ROW_COUNT\073
  RETURN written\073
END ';

-- An org that moves under another parent takes its subtree's counts along: its own rollup rows
-- (its subtree's totals) leave the old ancestors and join the new ones. Descendants keep theirs.
CREATE FUNCTION dutyboard_rollup_org_moved() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "CountDelta" ("orgId", month, source, part, n)
  SELECT a.id::uuid, t.month, t.source, t.part, t.n * a.sign
  FROM (
    SELECT month, source, part, sum(n)::int AS n
    FROM (
      SELECT month, source, part, n FROM "CountRollup" WHERE "orgId" = NEW.id
      UNION ALL SELECT month, source, part, n FROM "CountDelta" WHERE "orgId" = NEW.id
    ) s GROUP BY 1, 2, 3
  ) t
  CROSS JOIN LATERAL (
    SELECT id, -1 AS sign FROM unnest(string_to_array(btrim(OLD.path, ''/''), ''/'')) AS o(id) WHERE id <> NEW.id::text
    UNION ALL
    SELECT id, 1 FROM unnest(string_to_array(btrim(NEW.path, ''/''), ''/'')) AS o(id) WHERE id <> NEW.id::text
  ) a
  WHERE t.n <> 0\073
  RETURN NULL\073
END ';
CREATE TRIGGER dutyboard_rollup_org_moved AFTER UPDATE OF "parentId" ON "OrgUnit"
  FOR EACH ROW WHEN (OLD."parentId" IS DISTINCT FROM NEW."parentId") EXECUTE FUNCTION dutyboard_rollup_org_moved();
