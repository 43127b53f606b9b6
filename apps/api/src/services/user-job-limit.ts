// How many background jobs one user may have queued or running at once (imports, evidence
// packs): each one holds a file, a sandbox or a long transaction, so a user who starts more waits
// for one to end. The count and the new job are taken under a per-user advisory lock, so parallel
// requests cannot all pass the count.
import type { Prisma } from '@dutyboard/db/client';
import { AppError } from '../plugins/errors.ts';

/** Queued or running jobs of one kind per user. */
export const RUNNING_JOBS_PER_USER = 2;

/** Serialises the job-limit checks of one user and kind until the transaction ends. */
export async function lockUserJobs(tx: Prisma.TransactionClient, kind: string, userId: string): Promise<void> {
  await tx.$executeRawUnsafe(
    'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))',
    `dutyboard:user-jobs:${kind}:${userId}`,
  );
}

/** 429 in the error shape: wait for a running job to end. */
export function tooManyRunning(what: string, running: number, limit = RUNNING_JOBS_PER_USER): AppError {
  return new AppError(
    'RATE_LIMITED',
    `你已有 ${running} 个${what}正在进行（每人最多同时 ${limit} 个），请等其中一个完成后再试`,
    429,
    { running, limit },
  );
}
