// How many background jobs one user may have queued or running at once, per kind: each one holds
// a file, a sandbox or a long transaction, so a user who starts more waits for one to end. The
// count and the new job are taken under a per-user advisory lock (transaction-scoped), so parallel
// requests cannot all pass the count.
import type { Prisma } from '@dutyboard/db/client';
import { AppError } from '../../errors/app-error.ts';
import { type JobKind, sqlOf } from './kinds.ts';

/** Queued or running jobs of one kind per user. */
export const RUNNING_JOBS_PER_USER = 2;

/** Serialises the job-limit checks of one user and kind until the transaction ends. */
export async function lockUserJobs(tx: Prisma.TransactionClient, kind: JobKind, userId: string): Promise<void> {
  await tx.$executeRawUnsafe(
    'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))',
    `dutyboard:user-jobs:${kind}:${userId}`,
  );
}

/** The user's queued or running jobs of a kind, but `except`. */
export async function countRunningJobs(
  tx: Prisma.TransactionClient,
  kind: JobKind,
  userId: string,
  except?: string,
): Promise<number> {
  const { table, running } = sqlOf(kind);
  const [row] = await tx.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM ${table} WHERE "requestedById" = $1::uuid AND state IN (${running}) AND ($2::uuid IS NULL OR id <> $2::uuid)`,
    userId,
    except ?? null,
  );
  return row?.n ?? 0;
}

/** 429 in the error shape: wait for a running job to end. */
export function tooManyRunning(kind: JobKind, running: number, limit = RUNNING_JOBS_PER_USER): AppError {
  return new AppError(
    'RATE_LIMITED',
    { key: 'job.tooMany', params: { running, job: kind, limit } },
    { running, limit },
  );
}

/** Takes the user's lock and refuses a new job over the limit (429). Call inside the creating transaction. */
export async function reserveJobSlot(tx: Prisma.TransactionClient, kind: JobKind, userId: string): Promise<void> {
  await lockUserJobs(tx, kind, userId);
  const running = await countRunningJobs(tx, kind, userId);
  if (running >= RUNNING_JOBS_PER_USER) throw tooManyRunning(kind, running);
}
