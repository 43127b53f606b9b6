-- Org levels above the 街道 and the 督查/考核 role (ADR 035). Which kind may sit under which is
-- data in packages/contracts/src/orgs.ts (ORG_KIND_RULES), checked by the API, not here.
ALTER TYPE "OrgKind" ADD VALUE 'CITY_COMMITTEE';
ALTER TYPE "OrgKind" ADD VALUE 'DISTRICT_COMMITTEE';
ALTER TYPE "OrgKind" ADD VALUE 'TOWNSHIP_COMMITTEE';
ALTER TYPE "OrgKind" ADD VALUE 'GENERAL_BRANCH';
ALTER TYPE "Role" ADD VALUE 'REVIEWER';
