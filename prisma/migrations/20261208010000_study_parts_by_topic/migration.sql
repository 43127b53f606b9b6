-- Study rollup parts by topic category (ADR 020): a study session's part becomes
-- "KIND:TOPIC_CATEGORY" ("SEMINAR:THEORY") instead of "KIND:STUDY|IDEOLOGY". The figure registry
-- (packages/contracts/src/figures.ts) selects parts, so which topics make a 中心组专题学习研讨 or an
-- 意识形态工作专题研讨会 is declared there once, not here, and a figure over any kind and topic needs
-- no trigger change. The triggers call this function by name. Rollups are rebuilt at the end.

-- Function bodies are E-strings with no semicolons: Prisma splits migrations at every semicolon,
-- even inside dollar quotes and comments (docs/traps.md).
CREATE OR REPLACE FUNCTION dutyboard_facts_study(x "StudySession") RETURNS TABLE (org uuid, month text, source text, part text)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT x."orgId", f.month, f.source, f.part
  FROM (VALUES (dutyboard_month(x."occurredAt"), ''study'', x.kind::text || '':'' || x."topicCategory"::text)) AS f(month, source, part)
  WHERE f.month IS NOT NULL
';

SELECT dutyboard_rollup_rebuild();
