-- 考核细则 (issue 18, ADR 040): one row per scheme, its indicator tree as JSON.
CREATE TYPE "AssessmentSchemeState" AS ENUM ('DRAFT', 'IN_USE');

CREATE TABLE "AssessmentScheme" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "orgId" UUID NOT NULL,
    "level" VARCHAR(20) NOT NULL,
    "periodCode" VARCHAR(10) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "number" INTEGER NOT NULL,
    "state" "AssessmentSchemeState" NOT NULL DEFAULT 'DRAFT',
    "total" INTEGER NOT NULL,
    "categories" JSONB NOT NULL,
    "copiedFromId" UUID,
    "createdById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AssessmentScheme_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AssessmentScheme_orgId_level_periodCode_number_key" ON "AssessmentScheme"("orgId", "level", "periodCode", "number");
CREATE INDEX "AssessmentScheme_orgId_periodCode_idx" ON "AssessmentScheme"("orgId", "periodCode");
