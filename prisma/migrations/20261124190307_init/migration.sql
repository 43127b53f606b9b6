-- CreateEnum
CREATE TYPE "OrgKind" AS ENUM ('STREET_COMMITTEE', 'VILLAGE_BRANCH', 'COMMUNITY_BRANCH', 'AGENCY_BRANCH');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('LEADER', 'SECRETARY', 'AUDITOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "PeriodKind" AS ENUM ('YEAR', 'HALF', 'QUARTER');

-- CreateEnum
CREATE TYPE "Metric" AS ENUM ('CENTRAL_GROUP_STUDY', 'SEMINAR', 'BRANCH_STUDY', 'CADRE_TRAINING', 'ACTIVITY', 'PARTY_LECTURE', 'PUBLICITY', 'RISK_POINT_CHECK', 'ALERT_REGISTERED', 'ALERT_REPORTED', 'ALERT_REPORTED_ON_TIME', 'ALERT_CLOSED', 'RECTIFICATION_OPEN', 'RECTIFICATION_CLOSED', 'ASSIGNMENT_DONE', 'ASSIGNMENT_OVERDUE');

-- CreateEnum
CREATE TYPE "StudyKind" AS ENUM ('CENTRAL_GROUP', 'SEMINAR', 'BRANCH_STUDY', 'CADRE_TRAINING');

-- CreateEnum
CREATE TYPE "StudyTopic" AS ENUM ('IDEOLOGY_WORK', 'ONLINE_IDEOLOGY', 'THEORY', 'PARTY_HISTORY', 'POLICY', 'OTHER');

-- CreateEnum
CREATE TYPE "ActivityCategory" AS ENUM ('THEME_PARTY_DAY', 'RED_SONGS', 'OATH_REVIEW', 'PARTY_LECTURE', 'PREACHING', 'VOLUNTEER', 'OTHER');

-- CreateEnum
CREATE TYPE "PublicityLevel" AS ENUM ('CENTRAL', 'PROVINCE', 'CITY', 'DISTRICT', 'STREET_MEDIA');

-- CreateEnum
CREATE TYPE "RiskPointType" AS ENUM ('WEBSITE', 'WECHAT_ACCOUNT', 'WECHAT_GROUP', 'BULLETIN_BOARD', 'VENUE', 'OTHER');

-- CreateEnum
CREATE TYPE "RiskLevel" AS ENUM ('HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "AlertLevel" AS ENUM ('LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'LEVEL_4');

-- CreateEnum
CREATE TYPE "AlertState" AS ENUM ('REGISTERED', 'ASSESSED', 'REPORTED', 'ACCEPTED', 'RETURNED', 'HANDLING', 'CLOSED');

-- CreateEnum
CREATE TYPE "AssignmentKind" AS ENUM ('FIRST_RESPONSIBLE', 'AREA', 'TASK');

-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RectificationSource" AS ENUM ('SELF_CHECK', 'AUDIT', 'ALERT');

-- CreateEnum
CREATE TYPE "RectificationStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE');

-- CreateTable
CREATE TABLE "OrgUnit" (
    "id" UUID NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "kind" "OrgKind" NOT NULL,
    "parentId" UUID,
    "path" VARCHAR(1024) NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OrgUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "username" VARCHAR(64) NOT NULL,
    "displayName" VARCHAR(64) NOT NULL,
    "role" "Role" NOT NULL,
    "orgId" UUID NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" VARCHAR(64) NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "userAgent" VARCHAR(300),
    "ip" VARCHAR(64),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Period" (
    "id" UUID NOT NULL,
    "kind" "PeriodKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "index" INTEGER NOT NULL,
    "name" VARCHAR(40) NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Period_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" UUID NOT NULL,
    "metric" "Metric" NOT NULL,
    "orgId" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "value" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudySession" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "kind" "StudyKind" NOT NULL,
    "topicCategory" "StudyTopic" NOT NULL DEFAULT 'OTHER',
    "topic" VARCHAR(200) NOT NULL,
    "materials" TEXT,
    "host" VARCHAR(64),
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "expectedAttendance" INTEGER,
    "actualAttendance" INTEGER,
    "absentees" JSONB,
    "minutes" TEXT,
    "createdById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StudySession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "category" "ActivityCategory" NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "location" VARCHAR(200),
    "participants" INTEGER NOT NULL,
    "description" TEXT,
    "createdById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicityItem" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "outlet" VARCHAR(100) NOT NULL,
    "level" "PublicityLevel" NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "url" VARCHAR(1000),
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PublicityItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskPoint" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "type" "RiskPointType" NOT NULL,
    "level" "RiskLevel" NOT NULL,
    "controlMeasure" TEXT,
    "responsiblePerson" VARCHAR(64),
    "checkIntervalDays" INTEGER NOT NULL DEFAULT 30,
    "lastCheckedAt" TIMESTAMPTZ(3),
    "nextCheckDueAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RiskPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskAlert" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "level" "AlertLevel" NOT NULL,
    "state" "AlertState" NOT NULL DEFAULT 'REGISTERED',
    "source" VARCHAR(100) NOT NULL,
    "channel" VARCHAR(100),
    "url" VARCHAR(1000),
    "summary" TEXT NOT NULL,
    "reach" INTEGER,
    "registeredAt" TIMESTAMPTZ(3) NOT NULL,
    "reportedAt" TIMESTAMPTZ(3),
    "receiptNumber" VARCHAR(64),
    "closedAt" TIMESTAMPTZ(3),
    "lastEventAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RiskAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskAlertEvent" (
    "id" UUID NOT NULL,
    "alertId" UUID NOT NULL,
    "fromState" "AlertState",
    "toState" "AlertState" NOT NULL,
    "actorId" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,
    "receiptNumber" VARCHAR(64),

    CONSTRAINT "RiskAlertEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "kind" "AssignmentKind" NOT NULL,
    "area" VARCHAR(100),
    "task" VARCHAR(500) NOT NULL,
    "dueAt" TIMESTAMPTZ(3),
    "status" "AssignmentStatus" NOT NULL DEFAULT 'OPEN',
    "rule" JSONB,
    "doneAt" TIMESTAMPTZ(3),
    "closingNote" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rectification" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "problem" TEXT NOT NULL,
    "source" "RectificationSource" NOT NULL,
    "measure" TEXT,
    "ownerName" VARCHAR(64),
    "deadlineAt" TIMESTAMPTZ(3),
    "status" "RectificationStatus" NOT NULL DEFAULT 'OPEN',
    "closedAt" TIMESTAMPTZ(3),
    "closingNote" TEXT,
    "alertId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Rectification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "entityType" VARCHAR(40) NOT NULL,
    "entityId" UUID NOT NULL,
    "fileName" VARCHAR(255) NOT NULL,
    "mimeType" VARCHAR(100) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "thumbnailSha" CHAR(64),
    "uploadedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "action" VARCHAR(40) NOT NULL,
    "entityType" VARCHAR(40) NOT NULL,
    "entityId" VARCHAR(64),
    "orgId" UUID,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrgUnit_code_key" ON "OrgUnit"("code");

-- CreateIndex
CREATE INDEX "OrgUnit_parentId_idx" ON "OrgUnit"("parentId");

-- CreateIndex
CREATE INDEX "OrgUnit_path_idx" ON "OrgUnit"("path");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_orgId_idx" ON "User"("orgId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "Period_startsAt_endsAt_idx" ON "Period"("startsAt", "endsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Period_kind_year_index_key" ON "Period"("kind", "year", "index");

-- CreateIndex
CREATE INDEX "Target_periodId_idx" ON "Target"("periodId");

-- CreateIndex
CREATE UNIQUE INDEX "Target_metric_orgId_periodId_key" ON "Target"("metric", "orgId", "periodId");

-- CreateIndex
CREATE INDEX "StudySession_orgId_occurredAt_idx" ON "StudySession"("orgId", "occurredAt");

-- CreateIndex
CREATE INDEX "StudySession_occurredAt_idx" ON "StudySession"("occurredAt");

-- CreateIndex
CREATE INDEX "StudySession_kind_occurredAt_idx" ON "StudySession"("kind", "occurredAt");

-- CreateIndex
CREATE INDEX "Activity_orgId_occurredAt_id_idx" ON "Activity"("orgId", "occurredAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Activity_occurredAt_id_idx" ON "Activity"("occurredAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Activity_category_occurredAt_idx" ON "Activity"("category", "occurredAt");

-- CreateIndex
CREATE INDEX "PublicityItem_orgId_publishedAt_idx" ON "PublicityItem"("orgId", "publishedAt");

-- CreateIndex
CREATE INDEX "PublicityItem_publishedAt_idx" ON "PublicityItem"("publishedAt");

-- CreateIndex
CREATE INDEX "RiskPoint_orgId_idx" ON "RiskPoint"("orgId");

-- CreateIndex
CREATE INDEX "RiskPoint_nextCheckDueAt_idx" ON "RiskPoint"("nextCheckDueAt");

-- CreateIndex
CREATE INDEX "RiskAlert_orgId_registeredAt_idx" ON "RiskAlert"("orgId", "registeredAt");

-- CreateIndex
CREATE INDEX "RiskAlert_state_idx" ON "RiskAlert"("state");

-- CreateIndex
CREATE INDEX "RiskAlert_registeredAt_idx" ON "RiskAlert"("registeredAt");

-- CreateIndex
CREATE INDEX "RiskAlertEvent_alertId_at_idx" ON "RiskAlertEvent"("alertId", "at");

-- CreateIndex
CREATE INDEX "Assignment_periodId_orgId_idx" ON "Assignment"("periodId", "orgId");

-- CreateIndex
CREATE INDEX "Assignment_ownerId_idx" ON "Assignment"("ownerId");

-- CreateIndex
CREATE INDEX "Assignment_dueAt_idx" ON "Assignment"("dueAt");

-- CreateIndex
CREATE INDEX "Rectification_orgId_createdAt_idx" ON "Rectification"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "Rectification_status_deadlineAt_idx" ON "Rectification"("status", "deadlineAt");

-- CreateIndex
CREATE INDEX "Attachment_entityType_entityId_idx" ON "Attachment"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "Attachment_sha256_idx" ON "Attachment"("sha256");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_orgId_at_idx" ON "AuditEvent"("orgId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- AddForeignKey
ALTER TABLE "OrgUnit" ADD CONSTRAINT "OrgUnit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "OrgUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudySession" ADD CONSTRAINT "StudySession_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicityItem" ADD CONSTRAINT "PublicityItem_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskPoint" ADD CONSTRAINT "RiskPoint_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAlert" ADD CONSTRAINT "RiskAlert_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAlertEvent" ADD CONSTRAINT "RiskAlertEvent_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "RiskAlert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "RiskAlert"("id") ON DELETE SET NULL ON UPDATE CASCADE;
