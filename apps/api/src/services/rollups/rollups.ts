// Reading and compacting the dashboard rollups (ADR 018). The database keeps them: triggers on
// the record tables append signed rows to "CountDelta" in the same transaction as every change
// (migration 20261125012530_count_rollups), and compaction folds those into "CountRollup". A
// figure is always read from both tables, so it is exact whatever compaction has done so far.
// A dated fact is kept under its month ("2026-07") and under its quarter, half and year keys
// ("2026-Q3", "2026-H2", "2026": migration 20261125030000_rollup_period_keys). Which parts make
// a figure is the figure registry's (contracts/figures.ts); this module only adds them up.
import {
  FIGURES,
  type Parts,
  partMatcher,
  partPatterns,
  type RolledFigure,
  type RollupSource,
} from '@dutyboard/contracts/figures';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';

type Db = PrismaClient | Prisma.TransactionClient;

export type { RollupSource };

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
  /** A selection of a source's parts (a figure's, or one of its breakdown keys'). */
  parts(source: RollupSource, parts: Parts): number {
    return this.sum(source, partMatcher(parts));
  }
  /** A figure, as the registry declares it. */
  figure(figure: RolledFigure): number {
    const def = FIGURES[figure];
    return this.parts(def.source, def.parts);
  }
}

/** One unit to count: a figure in an org's subtree under one rollup key (a month or a period code). */
export interface FigureUnit {
  figure: RolledFigure;
  orgId: string;
  key: string;
}

/**
 * The count of each unit, in the order given, in one query: each unit adds its org's rollup and
 * delta rows under its key whose part is one of the figure's patterns (the registry's, read as
 * prefix or exact values, the same as partMatcher in Node). Inside a transaction it sees the
 * transaction's own writes, whose deltas the triggers appended in it.
 */
export async function countFigures(db: Db, units: readonly FigureUnit[]): Promise<number[]> {
  if (units.length === 0) return [];
  const figures = [...new Set(units.map((u) => u.figure))];
  const pf: string[] = [];
  const ps: string[] = [];
  const pv: string[] = [];
  const pp: boolean[] = [];
  for (const f of figures) {
    for (const p of partPatterns(FIGURES[f].parts)) {
      pf.push(f);
      ps.push(FIGURES[f].source);
      pv.push(p.value);
      pp.push(p.prefix);
    }
  }
  const rows = await db.$queryRaw<{ i: number; n: number }[]>`
    WITH p AS (
      SELECT * FROM unnest(${pf}::text[], ${ps}::text[], ${pv}::text[], ${pp}::bool[]) AS p(figure, source, value, prefix)
    )
    SELECT u.i::int AS i, coalesce((
      SELECT sum(r.n) FROM (
        SELECT source, part, n FROM "CountRollup" c WHERE c."orgId" = u.org AND c.month = u.key
        UNION ALL
        SELECT source, part, n FROM "CountDelta" d WHERE d."orgId" = u.org AND d.month = u.key
      ) r
      WHERE EXISTS (
        SELECT 1 FROM p WHERE p.figure = u.figure AND p.source = r.source
          AND CASE WHEN p.prefix THEN starts_with(r.part, p.value) ELSE r.part = p.value END)
    ), 0)::int AS n
    FROM unnest(${units.map((_, i) => i)}::int[], ${units.map((u) => u.orgId)}::uuid[],
                ${units.map((u) => u.key)}::text[], ${units.map((u) => u.figure)}::text[]) AS u(i, org, key, figure)`;
  const out = units.map(() => 0);
  for (const r of rows) out[r.i] = r.n;
  return out;
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

/**
 * Folds the committed deltas into the rollups and clears the dashboard's touch rows (ADR 029);
 * answers how many delta rows it folded.
 */
export async function compactRollups(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ moved: bigint }[]>`
    SELECT dutyboard_rollup_compact() AS moved, dutyboard_dashboard_compact_touches() AS touched`;
  return Number(row?.moved ?? 0);
}

/**
 * A name for the state of everything a dashboard reads, as one SQL expression (so it is one
 * snapshot): the counter the rollup triggers bump whenever the rollups change or deltas and touch
 * rows are cleared, and how many delta and touch rows are visible. Between two bumps those rows are
 * only ever added, so equal names are equal states (migration 20261210020000_dashboard_version).
 * A constant fragment, spliced into the statements that read it beside other things.
 */
export const ROLLUP_STATE_SQL = `concat_ws(':', (SELECT n FROM "DashboardVersion" WHERE id = 1),
  (SELECT count(*) FROM "CountDelta"), (SELECT count(*) FROM "DashboardTouch"))`;

/** The state's name alone (ROLLUP_STATE_SQL). */
export async function rollupState(db: Db): Promise<string> {
  const [row] = await db.$queryRawUnsafe<{ state: string }[]>(`SELECT ${ROLLUP_STATE_SQL} AS state`);
  return row?.state ?? '';
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
