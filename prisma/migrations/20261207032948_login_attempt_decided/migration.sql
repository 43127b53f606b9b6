-- AlterTable
ALTER TABLE "LoginAttempt" ADD COLUMN     "decided" BOOLEAN NOT NULL DEFAULT false;
