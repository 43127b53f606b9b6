-- CreateEnum
CREATE TYPE "EvidencePackState" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "RiskPointCheck" ADD COLUMN     "onTime" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "hash" CHAR(64),
ADD COLUMN     "prevHash" CHAR(64);

-- CreateTable
CREATE TABLE "EvidencePack" (
    "id" UUID NOT NULL,
    "requestedById" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "periodCode" VARCHAR(10) NOT NULL,
    "state" "EvidencePackState" NOT NULL DEFAULT 'QUEUED',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "fileName" VARCHAR(200),
    "sha256" CHAR(64),
    "size" BIGINT,
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "EvidencePack_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EvidencePack_requestedById_createdAt_idx" ON "EvidencePack"("requestedById", "createdAt");
