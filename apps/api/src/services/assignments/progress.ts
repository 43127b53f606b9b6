// A rule task's progress and whether its rule is satisfied — one implementation for the task list,
// a single task, the dashboard's task figures and the bell. The period is split by the rule's
// `per` (whole period, quarters or months) and, with `eachChild`, by the org's direct children;
// each unit is the rule's figure in the unit org's subtree under the slice's rollup key (slices
// are whole months, quarters or periods, and their codes are rollup keys: ADR 018), all units of
// all tasks counted in one query (rollups.ts countFigures). A unit is met at `min`; a rule is
// satisfied when it has units and every one is met.
import {
  type AssignmentProgress,
  type AssignmentProgressUnit,
  type AssignmentRule,
  AssignmentRuleSchema,
  ruleSlices,
  sliceName,
} from '@dutyboard/contracts/assignments';
import { metricDrill } from '@dutyboard/contracts/metrics';
import { type PeriodRef, SHANGHAI_OFFSET_MS } from '@dutyboard/contracts/periods';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { refOfPeriodRow } from '../plan/periods.ts';
import { countFigures } from '../rollups/rollups.ts';

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

export interface RuleTask {
  id: string;
  orgId: string;
  period: PeriodRef;
  rule: AssignmentRule;
}

/** The rule: every unit met, and at least one unit. */
export function ruleSatisfied(units: readonly { done: number; required: number }[]): boolean {
  return units.length > 0 && units.every((u) => u.done >= u.required);
}

/**
 * The progress of many rule tasks at once, by task id. Queries run one after another: `db` may be
 * an interactive transaction, which runs one at a time.
 */
export async function rulesProgress(db: Db, tasks: readonly RuleTask[]): Promise<Map<string, AssignmentProgress>> {
  const out = new Map<string, AssignmentProgress>();
  if (tasks.length === 0) return out;
  const parents = [...new Set(tasks.filter((t) => t.rule.eachChild).map((t) => t.orgId))];
  const own = [...new Set(tasks.filter((t) => !t.rule.eachChild).map((t) => t.orgId))];
  const children = parents.length
    ? await db.orgUnit.findMany({
        where: { parentId: { in: parents } },
        orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
        select: { id: true, name: true, parentId: true },
      })
    : [];
  const owns = own.length
    ? await db.orgUnit.findMany({ where: { id: { in: own } }, select: { id: true, name: true } })
    : [];
  const nameOf = new Map(owns.map((o) => [o.id, o.name]));
  const childrenOf = new Map<string, { id: string; name: string }[]>();
  for (const c of children) if (c.parentId) childrenOf.set(c.parentId, [...(childrenOf.get(c.parentId) ?? []), c]);

  const planned = tasks.map((t) => {
    const orgs = t.rule.eachChild
      ? (childrenOf.get(t.orgId) ?? [])
      : [{ id: t.orgId, name: nameOf.get(t.orgId) ?? '' }];
    const units = ruleSlices(t.period, t.rule.per).flatMap((slice) => orgs.map((o) => ({ slice, o })));
    return { t, units };
  });
  const counts = await countFigures(
    db,
    planned.flatMap(({ t, units }) => units.map((u) => ({ figure: t.rule.metric, orgId: u.o.id, key: u.slice.code }))),
  );

  let i = 0;
  for (const { t, units } of planned) {
    const answered: AssignmentProgressUnit[] = units.map(({ slice, o }) => {
      const from = localDate(slice.startsAt);
      const to = localDate(new Date(slice.endsAt.getTime() - DAY_MS));
      const done = counts[i++] ?? 0;
      return {
        label: t.rule.eachChild ? `${sliceName(slice.code)} · ${o.name}` : sliceName(slice.code),
        slice: slice.code,
        orgId: o.id,
        orgName: o.name,
        from,
        to,
        required: t.rule.min,
        done,
        satisfied: done >= t.rule.min,
        drill: metricDrill(t.rule.metric, o.id, from, to),
      };
    });
    out.set(t.id, {
      required: t.rule.min * answered.length,
      done: answered.reduce((sum, u) => sum + Math.min(u.done, u.required), 0),
      satisfied: ruleSatisfied(answered),
      units: answered,
    });
  }
  return out;
}

/** The ids of the rule tasks whose rule is satisfied. */
export async function satisfiedRuleTasks(db: Db, tasks: readonly RuleTask[]): Promise<Set<string>> {
  const progress = await rulesProgress(db, tasks);
  return new Set([...progress].filter(([, p]) => p.satisfied).map(([id]) => id));
}

/** Stored task rows (with their period) as rule tasks; rows without a valid rule are left out. */
export function ruleTasksOf(
  rows: readonly {
    id: string;
    orgId: string;
    rule: unknown;
    period: { kind: 'YEAR' | 'HALF' | 'QUARTER'; year: number; index: number };
  }[],
): RuleTask[] {
  return rows.flatMap((row) => {
    const rule = parseRule(row.rule);
    return rule ? [{ id: row.id, orgId: row.orgId, period: refOfPeriodRow(row.period), rule }] : [];
  });
}
