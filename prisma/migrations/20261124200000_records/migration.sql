
-- CreateEnum
CREATE TYPE "RiskCheckResult" AS ENUM ('NORMAL', 'ISSUE_FOUND');

-- CreateEnum
CREATE TYPE "RuleFrequency" AS ENUM ('MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY');

-- DropIndex
DROP INDEX "RiskAlert_state_idx";

-- AlterTable
ALTER TABLE "Target" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "StudySession" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "PublicityItem" ADD COLUMN     "updatedById" UUID,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "RiskPoint" ADD COLUMN     "updatedById" UUID,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "RiskAlert" ADD COLUMN     "reportDueAt" TIMESTAMPTZ(3),
ADD COLUMN     "updatedById" UUID,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
-- Existing alerts get the default clocks (一级 1 h, 二级 5 h, 三级 24 h, 四级 48 h).
UPDATE "RiskAlert" SET "reportDueAt" = "registeredAt" + CASE "level"
  WHEN 'LEVEL_1' THEN interval '1 hour' WHEN 'LEVEL_2' THEN interval '5 hours'
  WHEN 'LEVEL_3' THEN interval '24 hours' ELSE interval '48 hours' END;
ALTER TABLE "RiskAlert" ALTER COLUMN "reportDueAt" SET NOT NULL;

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "updatedById" UUID,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Rectification" ADD COLUMN     "findingRef" VARCHAR(200),
ADD COLUMN     "updatedById" UUID,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "height" INTEGER,
ADD COLUMN     "orgId" UUID,
ADD COLUMN     "width" INTEGER;

-- CreateTable
CREATE TABLE "RiskPointCheck" (
    "id" UUID NOT NULL,
    "riskPointId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "checkedAt" TIMESTAMPTZ(3) NOT NULL,
    "result" "RiskCheckResult" NOT NULL,
    "note" TEXT,
    "checkedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskPointCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrequencyRule" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "metric" "Metric" NOT NULL,
    "orgId" UUID NOT NULL,
    "eachChild" BOOLEAN NOT NULL DEFAULT false,
    "frequency" "RuleFrequency" NOT NULL,
    "times" INTEGER NOT NULL,
    "note" VARCHAR(200),
    "createdById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FrequencyRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "userId" UUID NOT NULL,
    "key" VARCHAR(200) NOT NULL,
    "requestHash" CHAR(64) NOT NULL,
    "status" INTEGER NOT NULL,
    "body" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("userId","key")
);

-- CreateIndex
CREATE INDEX "RiskPointCheck_riskPointId_checkedAt_idx" ON "RiskPointCheck"("riskPointId", "checkedAt");

-- CreateIndex
CREATE INDEX "RiskPointCheck_orgId_checkedAt_idx" ON "RiskPointCheck"("orgId", "checkedAt");

-- CreateIndex
CREATE UNIQUE INDEX "FrequencyRule_metric_orgId_eachChild_key" ON "FrequencyRule"("metric", "orgId", "eachChild");

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE INDEX "RiskAlert_state_reportDueAt_idx" ON "RiskAlert"("state", "reportDueAt");

-- AddForeignKey
ALTER TABLE "RiskPointCheck" ADD CONSTRAINT "RiskPointCheck_riskPointId_fkey" FOREIGN KEY ("riskPointId") REFERENCES "RiskPoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrequencyRule" ADD CONSTRAINT "FrequencyRule_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "OrgUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Exactly one 第一责任人 per period and org: a second one is refused by the database too.
CREATE UNIQUE INDEX "Assignment_first_responsible_key" ON "Assignment"("periodId", "orgId") WHERE "kind" = 'FIRST_RESPONSIBLE';
