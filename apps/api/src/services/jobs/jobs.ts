// The background jobs of this process (ADR 021): one runner per kind, the process's owner id
// written on every job it queues (claim), a heartbeat on its queued and running rows, and
// recovery — at start-up and every few seconds, any process fails the jobs whose owner is silent
// (stale.ts), never those of a live replica. Closing stops the runners (their jobs end FAILED as
// the kind says) and then fails whatever this process still owns.
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { FastifyBaseLogger } from 'fastify';
import { JOB_KIND_NAMES, JOB_KINDS, type JobKind, sqlOf } from './kinds.ts';
import { JobRunner, type JobWork } from './runner.ts';
import { isAbandoned, type JobTimings, jobTimings, newOwnerId } from './stale.ts';

export interface JobsOptions {
  prisma: PrismaClient;
  log: FastifyBaseLogger;
  /** An owner silent this long is taken for dead (config JOB_STALE_MS). */
  staleMs: number;
  /** Test hook (JOB_HOLD_FOR_TESTS): jobs stay queued until the process stops. */
  hold?: boolean;
}

/** What a kind does around recovery, besides failing its rows. */
export interface JobKindHooks {
  /** After its jobs were failed as interrupted (by recovery or on close): e.g. remove their files. */
  afterInterrupted?: (ids: string[]) => Promise<void>;
  /** Once at start-up, after recovery: sweeps of what dead processes left. */
  atStart?: () => Promise<void>;
}

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Fails the queued or running jobs of a kind whose owner is silent, with the kind's sentence, and
 * returns their ids. Each row is failed only if its owner and heartbeat are still those read, so
 * an owner that beats in between keeps its job.
 */
export async function failAbandonedJobs(prisma: Db, kind: JobKind, staleMs: number): Promise<string[]> {
  const { table, running } = sqlOf(kind);
  const rows = await prisma.$queryRawUnsafe<
    { id: string; ownerId: string | null; heartbeatAt: Date | null; now: Date }[]
  >(`SELECT id, "ownerId", "heartbeatAt", now() AS now FROM ${table} WHERE state IN (${running})`);
  const failed: string[] = [];
  for (const row of rows) {
    const heartbeatAt = row.heartbeatAt === null ? null : new Date(row.heartbeatAt);
    if (!isAbandoned({ ownerId: row.ownerId, heartbeatAt }, new Date(row.now), staleMs)) continue;
    const count = await prisma.$executeRawUnsafe(
      `UPDATE ${table} SET state = 'FAILED', error = $2, "finishedAt" = now()
       WHERE id = $1::uuid AND state IN (${running})
         AND "ownerId" IS NOT DISTINCT FROM $3 AND "heartbeatAt" IS NOT DISTINCT FROM $4::timestamptz`,
      row.id,
      JOB_KINDS[kind].interrupted,
      row.ownerId,
      heartbeatAt?.toISOString() ?? null,
    );
    if (count === 1) failed.push(row.id);
  }
  return failed;
}

export class Jobs {
  /** Written on every job this process queues. */
  readonly ownerId = newOwnerId();
  readonly timings: JobTimings;
  private readonly runners: Record<JobKind, JobRunner>;
  private readonly hooks: Partial<Record<JobKind, JobKindHooks>> = {};
  private timers: NodeJS.Timeout[] = [];
  private closed: Promise<void> | undefined;

  constructor(private readonly options: JobsOptions) {
    this.timings = jobTimings(options.staleMs);
    const onError = (error: unknown) => options.log.error({ err: error }, 'background job crashed');
    this.runners = {
      'evidence-pack': new JobRunner(onError, options.hold),
      import: new JobRunner(onError, options.hold),
    };
  }

  /** Registers what a kind does around recovery (services/imports: its files). */
  define(kind: JobKind, hooks: JobKindHooks): void {
    this.hooks[kind] = hooks;
  }

  /** Marks a job as this process's, in the transaction that queues it (never ownerless in between). */
  async claim(tx: Db, kind: JobKind, id: string): Promise<void> {
    const { table } = sqlOf(kind);
    await tx.$executeRawUnsafe(
      `UPDATE ${table} SET "ownerId" = $1, "heartbeatAt" = now() WHERE id = $2::uuid`,
      this.ownerId,
      id,
    );
  }

  /** Queues work claimed with claim(); it runs after the ones before it of its kind. */
  run(kind: JobKind, work: JobWork): void {
    this.runners[kind].schedule(work);
  }

  /** Resolves when every job of the kind scheduled so far has finished (tests). */
  idle(kind: JobKind): Promise<void> {
    return this.runners[kind].idle();
  }

  /** At start-up (onReady): recovery, the kinds' sweeps, then heartbeats and periodic recovery. */
  async start(): Promise<void> {
    await this.recover();
    for (const kind of JOB_KIND_NAMES) {
      await this.hooks[kind]
        ?.atStart?.()
        .catch((error: unknown) => this.options.log.warn({ err: error, kind }, 'start-up sweep of jobs failed'));
    }
    // Timers never keep the process alive; a failure is only logged and the next tick retries.
    this.timers.push(setInterval(() => void this.beat(), this.timings.heartbeatMs).unref());
    this.timers.push(setInterval(() => void this.recover(), this.timings.recoverEveryMs).unref());
  }

  /** Shows this process alive on the rows of its queued and running jobs. */
  async beat(): Promise<void> {
    for (const kind of JOB_KIND_NAMES) {
      if (!this.runners[kind].busy) continue;
      const { table, running } = sqlOf(kind);
      await this.options.prisma
        .$executeRawUnsafe(
          `UPDATE ${table} SET "heartbeatAt" = now() WHERE "ownerId" = $1 AND state IN (${running})`,
          this.ownerId,
        )
        .catch((error: unknown) => this.options.log.warn({ err: error, kind }, 'job heartbeat failed'));
    }
  }

  /** Fails the jobs of silent owners (an unreachable database is only logged: health reports it). */
  async recover(): Promise<void> {
    for (const kind of JOB_KIND_NAMES) {
      try {
        const ids = await failAbandonedJobs(this.options.prisma, kind, this.timings.staleMs);
        if (ids.length === 0) continue;
        this.options.log.warn({ kind, count: ids.length }, 'jobs of a stopped process marked FAILED');
        await this.hooks[kind]?.afterInterrupted?.(ids);
      } catch (error) {
        this.options.log.warn({ err: error, kind }, 'could not recover interrupted jobs');
      }
    }
  }

  /**
   * Stops the runners (the running jobs end FAILED at their next step; beats go on meanwhile, so
   * no replica fails them first), then fails any job still owned here (one whose last write failed).
   * Only the first call does it; later ones wait for it.
   */
  close(): Promise<void> {
    this.closed ??= this.stop();
    return this.closed;
  }

  private async stop(): Promise<void> {
    await Promise.all(Object.values(this.runners).map((runner) => runner.close()));
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    for (const kind of JOB_KIND_NAMES) {
      const { table, running } = sqlOf(kind);
      try {
        const rows = await this.options.prisma.$queryRawUnsafe<{ id: string }[]>(
          `UPDATE ${table} SET state = 'FAILED', error = $2, "finishedAt" = now()
           WHERE "ownerId" = $1 AND state IN (${running}) RETURNING id`,
          this.ownerId,
          JOB_KINDS[kind].interrupted,
        );
        if (rows.length > 0) await this.hooks[kind]?.afterInterrupted?.(rows.map((r) => r.id));
      } catch (error) {
        this.options.log.warn({ err: error, kind }, 'could not fail this process’s unfinished jobs');
      }
    }
  }
}
