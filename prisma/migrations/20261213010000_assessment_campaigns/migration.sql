-- 考核任务 (issue 18 part 2, ADR 041): campaigns and each unit's return (items as JSON).
CREATE TYPE "AssessmentCampaignState" AS ENUM ('OPEN', 'CLOSED');
CREATE TYPE "AssessmentReturnState" AS ENUM ('NOT_STARTED', 'SELF_DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED', 'REVIEWED', 'CONFIRMED');

CREATE TABLE "AssessmentCampaign" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "orgId" UUID NOT NULL,
    "schemeId" UUID NOT NULL,
    "periodCode" VARCHAR(10) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "state" "AssessmentCampaignState" NOT NULL DEFAULT 'OPEN',
    "selfDueOn" VARCHAR(10) NOT NULL,
    "reviewDueOn" VARCHAR(10) NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AssessmentCampaign_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AssessmentReturn" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "campaignId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "state" "AssessmentReturnState" NOT NULL DEFAULT 'NOT_STARTED',
    "items" JSONB NOT NULL,
    "selfTotal" DOUBLE PRECISION,
    "finalTotal" DOUBLE PRECISION,
    "returnReason" VARCHAR(1000),
    "submittedAt" TIMESTAMPTZ(3),
    "reviewedAt" TIMESTAMPTZ(3),
    "confirmedAt" TIMESTAMPTZ(3),
    "confirmedById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AssessmentReturn_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "AssessmentCampaign_orgId_periodCode_idx" ON "AssessmentCampaign"("orgId", "periodCode");
CREATE UNIQUE INDEX "AssessmentReturn_campaignId_orgId_key" ON "AssessmentReturn"("campaignId", "orgId");
CREATE INDEX "AssessmentReturn_orgId_idx" ON "AssessmentReturn"("orgId");

ALTER TABLE "AssessmentReturn" ADD CONSTRAINT "AssessmentReturn_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "AssessmentCampaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
