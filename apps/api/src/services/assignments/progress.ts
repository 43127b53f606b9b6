// A rule task's progress, counted from the records: the period is split by the rule's `per`
// (whole period, quarters or months) and, with `eachChild`, by the org's direct children; each
// unit counts the metric in its org subtree and days and is satisfied at `min`.
import {
  type AssignmentProgress,
  type AssignmentProgressUnit,
  type AssignmentRule,
  AssignmentRuleSchema,
  ruleSlices,
  sliceName,
} from '@dutyboard/contracts/assignments';
import { metricDrill } from '@dutyboard/contracts/metrics';
import { SHANGHAI_OFFSET_MS } from '@dutyboard/contracts/periods';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { countMetricByOrg } from '../metrics/count.ts';
import { refOfPeriodRow } from '../plan/periods.ts';

type Db = PrismaClient | Prisma.TransactionClient;

const DAY_MS = 24 * 3600 * 1000;

/** Shanghai calendar day of an instant, "YYYY-MM-DD". */
export function localDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The stored rule column as a rule, or null (no rule, or something that is not one). */
export function parseRule(value: unknown): AssignmentRule | null {
  if (value === null || value === undefined) return null;
  const parsed = AssignmentRuleSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The progress of an assignment's rule, or null when it has none. `now` is accepted for callers
 * that evaluate several things at one instant; the counts cover the whole units whatever it is.
 */
export async function computeProgress(
  db: Db,
  assignment: { orgId: string; periodId: string; rule: unknown },
  _now: Date = new Date(),
): Promise<AssignmentProgress | null> {
  const rule = parseRule(assignment.rule);
  if (!rule) return null;
  // One query after another: `db` may be an interactive transaction, which runs one at a time.
  const periodRow = await db.period.findUniqueOrThrow({
    where: { id: assignment.periodId },
    select: { kind: true, year: true, index: true },
  });
  const org = await db.orgUnit.findUniqueOrThrow({ where: { id: assignment.orgId }, select: { id: true, name: true } });
  const unitOrgs = rule.eachChild
    ? await db.orgUnit.findMany({
        where: { parentId: org.id },
        orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
        select: { id: true, name: true },
      })
    : [org];
  const slices = ruleSlices(refOfPeriodRow(periodRow), rule.per);
  const counts: Map<string, number>[] = [];
  for (const slice of slices) {
    const ids = unitOrgs.map((o) => o.id);
    counts.push(await countMetricByOrg(db, rule.metric, ids, slice.startsAt, slice.endsAt));
  }

  const units: AssignmentProgressUnit[] = [];
  slices.forEach((slice, i) => {
    const from = localDate(slice.startsAt);
    const to = localDate(new Date(slice.endsAt.getTime() - DAY_MS));
    for (const o of unitOrgs) {
      const done = counts[i]?.get(o.id) ?? 0;
      units.push({
        label: rule.eachChild ? `${sliceName(slice.code)} · ${o.name}` : sliceName(slice.code),
        slice: slice.code,
        orgId: o.id,
        orgName: o.name,
        from,
        to,
        required: rule.min,
        done,
        satisfied: done >= rule.min,
        drill: metricDrill(rule.metric, o.id, from, to),
      });
    }
  });
  return {
    required: rule.min * units.length,
    done: units.reduce((sum, u) => sum + Math.min(u.done, u.required), 0),
    satisfied: units.length > 0 && units.every((u) => u.satisfied),
    units,
  };
}
