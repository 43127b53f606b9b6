-- The 中心组 roster of a study session (ADR 051): a JSON list, null when none was kept.
ALTER TABLE "StudySession" ADD COLUMN "roster" JSONB;
