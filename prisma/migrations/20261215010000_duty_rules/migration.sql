-- The calendar of duties (issue 19, ADR 045): rules that change a duty for the orgs a level reaches.
-- The reach is a frequency rule's (ADR 038), so the unique index is NULLS NOT DISTINCT as there.
-- An empty "dueOn" array means the duty's default days (Prisma lists cannot be NULL).
CREATE TYPE "DutyKind" AS ENUM ('SPECIAL_STUDY', 'JUDGEMENT', 'SPECIAL_REPORT', 'BRIEFING', 'STUDY_PLAN', 'DEBRIEF', 'DEMOCRATIC_LIFE', 'POSITION_INSPECTION', 'BRANCH_INSPECTION');

CREATE TABLE "DutyRule" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "kind" "DutyKind" NOT NULL,
    "orgId" UUID NOT NULL,
    "eachChild" BOOLEAN NOT NULL DEFAULT false,
    "level" "OrgLevel",
    "dueOn" TEXT[],
    "required" INTEGER,
    "off" BOOLEAN NOT NULL DEFAULT false,
    "note" VARCHAR(200),
    "createdById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DutyRule_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "DutyRule_level_below_check" CHECK ("level" IS NULL OR "eachChild"),
    CONSTRAINT "DutyRule_required_check" CHECK ("required" IS NULL OR "required" >= 1)
);

CREATE UNIQUE INDEX "DutyRule_kind_orgId_eachChild_level_key" ON "DutyRule"("kind", "orgId", "eachChild", "level") NULLS NOT DISTINCT;

ALTER TABLE "DutyRule" ADD CONSTRAINT "DutyRule_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "OrgUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;
