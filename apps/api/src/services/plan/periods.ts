// Periods: computed from their code (contracts/periods.ts); a row is stored only once a target or
// an assignment hangs on it, and then found or created here. Callers pass the period parsed where
// the request came in (PeriodSchema), never its code.

import { type PeriodRef, periodCode, periodFromCode } from '@dutyboard/contracts/periods';
import { periodName } from '@dutyboard/contracts/plan';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * The stored Period row of a period, created when missing. Concurrent callers both succeed: the
 * insert skips on the (kind, year, index) key and the select then sees the committed row.
 */
export async function ensurePeriod(db: Db, ref: PeriodRef): Promise<{ id: string; ref: PeriodRef }> {
  await db.$executeRaw`
    INSERT INTO "Period" (id, kind, year, index, name, "startsAt", "endsAt")
    VALUES (gen_random_uuid(), ${ref.kind}::"PeriodKind", ${ref.year}, ${ref.index}, ${periodName(ref)},
            ${ref.startsAt}, ${ref.endsAt})
    ON CONFLICT (kind, year, index) DO NOTHING`;
  const row = await db.period.findUniqueOrThrow({
    where: { kind_year_index: { kind: ref.kind, year: ref.year, index: ref.index } },
    select: { id: true },
  });
  return { id: row.id, ref };
}

/** The stored row of a period, or null when nothing hangs on that period yet. */
export async function findPeriod(db: Db, ref: PeriodRef): Promise<{ id: string; ref: PeriodRef } | null> {
  const row = await db.period.findUnique({
    where: { kind_year_index: { kind: ref.kind, year: ref.year, index: ref.index } },
    select: { id: true },
  });
  return row ? { id: row.id, ref } : null;
}

/** A stored row back to its computed period. */
export function refOfPeriodRow(row: { kind: PeriodRef['kind']; year: number; index: number }): PeriodRef {
  return periodFromCode(periodCode(row.kind, row.year, row.index));
}
