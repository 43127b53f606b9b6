-- Imported rows whose cell gave a day but no time keep timeKnown = false and show the date alone
-- (ADR 017), and evidence photos keep their EXIF capture time (ADR 009).
ALTER TABLE "StudySession" ADD COLUMN "timeKnown" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Activity" ADD COLUMN "timeKnown" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Attachment" ADD COLUMN "capturedAt" TIMESTAMPTZ(3);
