-- Indexes for city scale (docs/performance.md has the EXPLAIN ANALYZE behind each). Prisma's
-- schema language cannot say INCLUDE, WHERE or text_pattern_ops, so they live here only.

-- Subtree matches (path LIKE '/root/street/%') use an index and get a row estimate, so the
-- planner sees that a street is 21 orgs, not 5,251.
CREATE INDEX "OrgUnit_path_pattern_idx" ON "OrgUnit" (path text_pattern_ops);

-- The dashboard's branch cells: every child's rollup rows of the period by index-only scan.
CREATE INDEX "CountRollup_orgId_month_cover_idx" ON "CountRollup" ("orgId", month) INCLUDE (source, part, n);

-- Open alerts in clock order (the dashboard's list): the city walks this index and stops at 10.
CREATE INDEX "RiskAlert_open_clock_idx" ON "RiskAlert" ("reportedAt" ASC NULLS FIRST, "reportDueAt", id)
  WHERE state <> 'CLOSED';
-- A street's open alerts: the few in its orgs.
CREATE INDEX "RiskAlert_open_org_idx" ON "RiskAlert" ("orgId") WHERE state <> 'CLOSED';

-- Tasks without a rule, counted by status per owner for a period, without reading the table.
CREATE INDEX "Assignment_plain_period_idx" ON "Assignment" ("periodId")
  INCLUDE ("orgId", "ownerId", status, "dueAt") WHERE rule IS NULL;
