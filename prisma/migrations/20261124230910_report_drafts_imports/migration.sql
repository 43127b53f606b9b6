-- CreateEnum
CREATE TYPE "ImportState" AS ENUM ('VALIDATING', 'VALID', 'INVALID', 'COMMITTING', 'COMMITTED', 'FAILED');

-- CreateTable
CREATE TABLE "ReportDraft" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "kind" VARCHAR(30) NOT NULL,
    "periodCode" VARCHAR(10) NOT NULL,
    "orgId" UUID NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "content" JSONB NOT NULL,
    "createdById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" UUID NOT NULL,
    "kind" VARCHAR(30) NOT NULL,
    "fileName" VARCHAR(200) NOT NULL,
    "fileSha256" CHAR(64) NOT NULL,
    "state" "ImportState" NOT NULL DEFAULT 'VALIDATING',
    "rowsTotal" INTEGER NOT NULL DEFAULT 0,
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "problems" JSONB,
    "problemCount" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "requestedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportDraft_orgId_periodCode_idx" ON "ReportDraft"("orgId", "periodCode");

-- CreateIndex
CREATE INDEX "ImportJob_requestedById_createdAt_idx" ON "ImportJob"("requestedById", "createdAt");

-- CreateIndex
CREATE INDEX "ImportJob_fileSha256_idx" ON "ImportJob"("fileSha256");
