-- Per-org counts of an import of activities or study sessions (issue 17: one file for many branches)
ALTER TABLE "ImportJob" ADD COLUMN "orgCounts" JSONB;
