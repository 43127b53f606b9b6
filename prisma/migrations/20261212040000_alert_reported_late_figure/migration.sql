-- The figure ALERT_REPORTED_LATE (舆情迟报, contracts/figures.ts), the incident a 考核 item deducts
-- for: the name joins the enum. Its part ("LATE" of source alert_reported) is written already by
-- the count rollups, so no trigger change and no rebuild.
ALTER TYPE "Metric" ADD VALUE IF NOT EXISTS 'ALERT_REPORTED_LATE';
