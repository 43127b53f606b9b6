// Reading and compacting the dashboard rollups (ADR 018). The database keeps them: triggers on
// the record tables append signed rows to "CountDelta" in the same transaction as every change
// (migration 20261125012530_count_rollups), and compaction folds those into "CountRollup". A
// figure is always read from both tables, so it is exact whatever compaction has done so far.
// A dated fact is kept under its month ("2026-07") and under its quarter, half and year keys
// ("2026-Q3", "2026-H2", "2026": migration 20261125030000_rollup_period_keys).
import type { CountedMetric } from '@dutyboard/contracts/metrics';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { escapeLike } from '../metrics/count.ts';

type Db = PrismaClient | Prisma.TransactionClient;

/** A rollup source: a record table and the date its months are taken from. */
export type RollupSource =
  | 'study'
  | 'activity'
  | 'publicity'
  | 'check'
  | 'alert'
  | 'alert_reported'
  | 'alert_closed'
  | 'rectification'
  | 'rectification_closed';

/** Which rollup rows a figure adds up: a source, and all its parts, the parts with a prefix, or one part. */
export interface RollupMatch {
  source: RollupSource;
  /** The parts that count, for adding up in Node (undefined: all). */
  part?: (part: string) => boolean;
  /** The same parts as a SQL LIKE pattern, for adding up in the database (rule checks). */
  like: string;
}

/** One definition of the parts, read both ways. */
function match(source: RollupSource, parts?: { prefix: string } | { equals: string }): RollupMatch {
  if (!parts) return { source, like: '%' };
  if ('prefix' in parts) {
    return { source, part: (p) => p.startsWith(parts.prefix), like: `${escapeLike(parts.prefix)}%` };
  }
  return { source, part: (p) => p === parts.equals, like: escapeLike(parts.equals) };
}

/**
 * Which rollup rows make up each counted metric. The parts are written by the facts functions of
 * the migration: study "KIND:STUDY|IDEOLOGY", activity the category, publicity the level, check
 * ON_TIME|LATE, alert "LEVEL:STATE", alert_reported ON_TIME|LATE, alert_closed /
 * rectification_closed CLOSED, rectification the status ("*" month). Each definition equals
 * services/metrics/count.ts (the tests compare them).
 */
export const METRIC_ROLLUP: Record<CountedMetric, RollupMatch> = {
  CENTRAL_GROUP_STUDY: match('study', { prefix: 'CENTRAL_GROUP:' }),
  SEMINAR: match('study', { prefix: 'SEMINAR:' }),
  BRANCH_STUDY: match('study', { prefix: 'BRANCH_STUDY:' }),
  CADRE_TRAINING: match('study', { prefix: 'CADRE_TRAINING:' }),
  ACTIVITY: match('activity'),
  PARTY_LECTURE: match('activity', { equals: 'PARTY_LECTURE' }),
  PUBLICITY: match('publicity'),
  RISK_POINT_CHECK: match('check', { equals: 'ON_TIME' }),
  ALERT_REGISTERED: match('alert'),
  ALERT_REPORTED: match('alert_reported'),
  ALERT_REPORTED_ON_TIME: match('alert_reported', { equals: 'ON_TIME' }),
  ALERT_CLOSED: match('alert_closed'),
  RECTIFICATION_CLOSED: match('rectification_closed'),
};

/** Counts keyed by source → part, for one org and/or month; `sum` adds the parts that match. */
export class PartCounts {
  private readonly bySource = new Map<string, Map<string, number>>();
  add(source: string, part: string, n: number): void {
    let parts = this.bySource.get(source);
    if (!parts) {
      parts = new Map();
      this.bySource.set(source, parts);
    }
    parts.set(part, (parts.get(part) ?? 0) + n);
  }
  sum(source: string, part?: (part: string) => boolean): number {
    let total = 0;
    for (const [p, n] of this.bySource.get(source) ?? []) if (!part || part(p)) total += n;
    return total;
  }
  metric(metric: CountedMetric): number {
    const m = METRIC_ROLLUP[metric];
    return this.sum(m.source, m.part);
  }
}

/** One PartCounts per key, created on first use. */
export class KeyedCounts {
  private readonly map = new Map<string, PartCounts>();
  at(key: string): PartCounts {
    let c = this.map.get(key);
    if (!c) {
      c = new PartCounts();
      this.map.set(key, c);
    }
    return c;
  }
  get(key: string): PartCounts | undefined {
    return this.map.get(key);
  }
}

/** Folds the committed deltas into the rollups; answers how many delta rows it folded. */
export async function compactRollups(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ moved: bigint }[]>`SELECT dutyboard_rollup_compact() AS moved`;
  return Number(row?.moved ?? 0);
}

/** Recomputes every rollup from the records (after a bulk load with triggers off, or to repair). */
export async function rebuildRollups(prisma: PrismaClient): Promise<number> {
  const [row] = await prisma.$queryRaw<{ written: bigint }[]>`SELECT dutyboard_rollup_rebuild() AS written`;
  return Number(row?.written ?? 0);
}

/**
 * Compacts every `intervalMs` in the background (the timer never keeps the process alive), one
 * run at a time. Several API processes may compact at once: the function is safe for that.
 * Answers a stop function that waits for a run in progress.
 */
export function startRollupCompaction(
  prisma: PrismaClient,
  onError: (error: unknown) => void,
  intervalMs = 1000,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = compactRollups(prisma)
      .then(() => undefined, onError)
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
