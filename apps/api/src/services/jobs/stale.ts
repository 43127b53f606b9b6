// When a queued or running job counts as abandoned: nobody owns it (a row from before owners
// existed) or its owner has not beaten for longer than the stale time. Times are the database's
// clock, read in the same statement, so replicas whose clocks disagree still agree on this.
import { hostname } from 'node:os';

export interface Liveness {
  ownerId: string | null;
  heartbeatAt: Date | null;
}

/** True when the job's owner is gone or silent for more than staleMs at `now`. */
export function isAbandoned(job: Liveness, now: Date, staleMs: number): boolean {
  if (job.ownerId === null || job.heartbeatAt === null) return true;
  return now.getTime() - job.heartbeatAt.getTime() > staleMs;
}

export interface JobTimings {
  /** An owner silent this long is taken for dead. */
  staleMs: number;
  /** How often an owner writes its heartbeat: six beats fit in the stale time. */
  heartbeatMs: number;
  /** How often every process looks for abandoned jobs (besides at start-up). */
  recoverEveryMs: number;
}

/** Every timing follows from the stale time, so they cannot be set out of proportion. */
export function jobTimings(staleMs: number): JobTimings {
  return { staleMs, heartbeatMs: Math.floor(staleMs / 6), recoverEveryMs: Math.floor(staleMs / 2) };
}

/** One per process: host, pid and a random part (a restarted process with a reused pid is another owner). */
export function newOwnerId(): string {
  return `${hostname().slice(0, 120)}:${process.pid}:${crypto.randomUUID()}`;
}
