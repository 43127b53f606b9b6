-- Which API process runs a background job, and when it last showed it is alive (ADR 021).
-- Recovery fails only jobs whose owner is silent, so one replica restarting never fails the jobs
-- another replica is running. Both nullable: rows from before have no owner and count as silent.

-- AlterTable
ALTER TABLE "EvidencePack" ADD COLUMN     "heartbeatAt" TIMESTAMPTZ(3),
ADD COLUMN     "ownerId" VARCHAR(200);

-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "heartbeatAt" TIMESTAMPTZ(3),
ADD COLUMN     "ownerId" VARCHAR(200);
