-- Saved summaries become versions of one document (org + period + kind), each DRAFT or FINAL
-- (定稿), and the 成文日期 in the content becomes a calendar day, see ADR 033.

-- CreateEnum
CREATE TYPE "ReportDraftState" AS ENUM ('DRAFT', 'FINAL');

-- AlterTable
ALTER TABLE "ReportDraft" ADD COLUMN     "finalizedAt" TIMESTAMPTZ(3),
ADD COLUMN     "finalizedById" UUID,
ADD COLUMN     "number" INTEGER,
ADD COLUMN     "state" "ReportDraftState" NOT NULL DEFAULT 'DRAFT';

-- The rows saved so far are numbered in the order they were made
UPDATE "ReportDraft" AS d SET "number" = n.rn
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "kind", "orgId", "periodCode" ORDER BY "createdAt", "id") AS rn
  FROM "ReportDraft"
) AS n
WHERE d."id" = n."id";

ALTER TABLE "ReportDraft" ALTER COLUMN "number" SET NOT NULL;

-- The sign-off date was words ("2026年7月5日") and becomes "2026-07-05". Words that are not such
-- a date (edited by hand) give way to the Shanghai day the row was made. CASE tests in order, so
-- make_date only sees a valid day.
UPDATE "ReportDraft" AS d
SET "content" = jsonb_set(d."content", '{signOff,date}', to_jsonb(to_char(x.day, 'YYYY-MM-DD')))
FROM (
  SELECT "id",
    CASE
      WHEN p IS NULL THEN ("createdAt" AT TIME ZONE 'Asia/Shanghai')::date
      WHEN NOT (p[1]::int BETWEEN 2000 AND 2100 AND p[2]::int BETWEEN 1 AND 12)
        THEN ("createdAt" AT TIME ZONE 'Asia/Shanghai')::date
      WHEN p[3]::int BETWEEN 1 AND
        extract(day FROM make_date(p[1]::int, p[2]::int, 1) + interval '1 month' - interval '1 day')::int
        THEN make_date(p[1]::int, p[2]::int, p[3]::int)
      ELSE ("createdAt" AT TIME ZONE 'Asia/Shanghai')::date
    END AS day
  FROM (
    SELECT "id", "createdAt",
      regexp_match("content" #>> '{signOff,date}', '^\s*([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日\s*$') AS p
    FROM "ReportDraft"
  ) AS m
) AS x
WHERE d."id" = x."id";

-- CreateIndex
CREATE UNIQUE INDEX "ReportDraft_kind_orgId_periodCode_number_key" ON "ReportDraft"("kind", "orgId", "periodCode", "number");
