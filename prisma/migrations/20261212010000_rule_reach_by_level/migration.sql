-- Frequency rules that reach every org of a level below their org (ADR 038): "每个街道" set on a
-- 区 or 市. The unique rule per (metric, org, reach) must count a NULL level as one value, so the
-- index is NULLS NOT DISTINCT (PostgreSQL 15+): the Prisma schema cannot say so, and does not read it back.
CREATE TYPE "OrgLevel" AS ENUM ('CITY', 'DISTRICT', 'STREET', 'BRANCH_GROUP', 'BRANCH');

ALTER TABLE "FrequencyRule" ADD COLUMN "level" "OrgLevel";
-- A level is a reach below the org, so it only goes with eachChild.
ALTER TABLE "FrequencyRule" ADD CONSTRAINT "FrequencyRule_level_below_check" CHECK ("level" IS NULL OR "eachChild");

DROP INDEX "FrequencyRule_metric_orgId_eachChild_key";
CREATE UNIQUE INDEX "FrequencyRule_metric_orgId_eachChild_level_key" ON "FrequencyRule"("metric", "orgId", "eachChild", "level") NULLS NOT DISTINCT;
