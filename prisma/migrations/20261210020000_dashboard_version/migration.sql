-- What the dashboard cache is keyed by (ADR 029): a state of everything a dashboard answer reads.
-- "DashboardVersion" holds one counter, bumped in the transaction of every statement that changes
-- "CountRollup" or removes "CountDelta" rows (compaction, rebuild, repair), and only when it did
-- change a row. Between two bumps the visible delta rows only grow, so (counter, delta rows,
-- touch rows), read in one statement, names one state of the rollups exactly.
-- "DashboardTouch" is appended to by every statement that changes a table the dashboard reads
-- without rollups (open alerts, tasks, targets, rules, periods, the org tree, owners' names):
-- appending takes no row lock, so writers never wait for one another on it. Compaction removes
-- the touch rows with the deltas, which bumps the counter.
--
-- Function bodies are E-strings with \073 for each semicolon (docs/traps.md).

CREATE TABLE "DashboardVersion" (
  "id" INTEGER NOT NULL,
  "n" BIGINT NOT NULL,
  CONSTRAINT "DashboardVersion_pkey" PRIMARY KEY ("id")
);
INSERT INTO "DashboardVersion" ("id", "n") VALUES (1, 0);

CREATE TABLE "DashboardTouch" (
  "id" BIGSERIAL NOT NULL,
  CONSTRAINT "DashboardTouch_pkey" PRIMARY KEY ("id")
);

CREATE FUNCTION dutyboard_dashboard_bump() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF EXISTS (SELECT 1 FROM changed) THEN
    UPDATE "DashboardVersion" SET n = n + 1 WHERE id = 1\073
  END IF\073
  RETURN NULL\073
END ';

CREATE FUNCTION dutyboard_dashboard_bump_always() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "DashboardVersion" SET n = n + 1 WHERE id = 1\073
  RETURN NULL\073
END ';

CREATE TRIGGER dutyboard_dashboard_rollup_insert AFTER INSERT ON "CountRollup"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_dashboard_bump();
CREATE TRIGGER dutyboard_dashboard_rollup_update AFTER UPDATE ON "CountRollup"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_dashboard_bump();
CREATE TRIGGER dutyboard_dashboard_rollup_delete AFTER DELETE ON "CountRollup"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_dashboard_bump();
CREATE TRIGGER dutyboard_dashboard_rollup_truncate AFTER TRUNCATE ON "CountRollup"
  FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_dashboard_bump_always();
CREATE TRIGGER dutyboard_dashboard_delta_delete AFTER DELETE ON "CountDelta"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_dashboard_bump();
CREATE TRIGGER dutyboard_dashboard_delta_truncate AFTER TRUNCATE ON "CountDelta"
  FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_dashboard_bump_always();
CREATE TRIGGER dutyboard_dashboard_touch_delete AFTER DELETE ON "DashboardTouch"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_dashboard_bump();
CREATE TRIGGER dutyboard_dashboard_touch_truncate AFTER TRUNCATE ON "DashboardTouch"
  FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_dashboard_bump_always();

-- One touch row per statement that changed a row of a table read without rollups.
CREATE FUNCTION dutyboard_dashboard_touch() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF EXISTS (SELECT 1 FROM changed) THEN
    INSERT INTO "DashboardTouch" DEFAULT VALUES\073
  END IF\073
  RETURN NULL\073
END ';

DO E'
DECLARE t text\073
BEGIN
  FOREACH t IN ARRAY ARRAY[''RiskAlert'', ''Assignment'', ''Target'', ''FrequencyRule'', ''Period'', ''OrgUnit'', ''User''] LOOP
    EXECUTE format(''CREATE TRIGGER dutyboard_dashboard_touch_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_dashboard_touch()'', t)\073
    EXECUTE format(''CREATE TRIGGER dutyboard_dashboard_touch_update AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_dashboard_touch()'', t)\073
    EXECUTE format(''CREATE TRIGGER dutyboard_dashboard_touch_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION dutyboard_dashboard_touch()'', t)\073
  END LOOP\073
END ';

-- Compaction also clears the touch rows (the deletion bumps the counter when there were any).
CREATE OR REPLACE FUNCTION dutyboard_dashboard_compact_touches() RETURNS bigint LANGUAGE sql AS E'
  WITH d AS (DELETE FROM "DashboardTouch" RETURNING 1) SELECT count(*) FROM d
';
