// Which rule tasks are satisfied, for many tasks at once: every (task, unit org, slice) becomes one
// row of a single query that reads the unit's rollup under the slice's period key (ADR 018), so a
// city's thousands of rule tasks cost one round trip instead of a count query per slice each.
// The answer equals computeProgress(...).satisfied (progress.ts), which the task list uses.
import { type AssignmentRule, ruleSlices } from '@dutyboard/contracts/assignments';
import type { PeriodRef } from '@dutyboard/contracts/periods';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { METRIC_ROLLUP } from '../rollups/rollups.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export interface RuleTask {
  id: string;
  orgId: string;
  period: PeriodRef;
  rule: AssignmentRule;
}

/** The ids of the tasks whose every unit reaches the rule's `min` in every slice. */
export async function satisfiedRuleTasks(db: Db, tasks: readonly RuleTask[]): Promise<Set<string>> {
  const eachChild = [...new Set(tasks.filter((t) => t.rule.eachChild).map((t) => t.orgId))];
  const children = eachChild.length
    ? await db.orgUnit.findMany({ where: { parentId: { in: eachChild } }, select: { id: true, parentId: true } })
    : [];
  const childrenOf = new Map<string, string[]>();
  for (const c of children) {
    if (c.parentId) childrenOf.set(c.parentId, [...(childrenOf.get(c.parentId) ?? []), c.id]);
  }

  // One row per (task, unit, slice): which rollups to add up, and the task it belongs to.
  const task: number[] = [];
  const org: string[] = [];
  const key: string[] = [];
  const source: string[] = [];
  const like: string[] = [];
  const satisfied = new Set<string>();
  tasks.forEach((t, i) => {
    const units = t.rule.eachChild ? (childrenOf.get(t.orgId) ?? []) : [t.orgId];
    if (units.length === 0) return; // nothing to satisfy it: never done
    if (t.rule.min <= 0) {
      satisfied.add(t.id);
      return;
    }
    // A slice is a whole month, quarter or period, and its code ("2026-03", "2026-Q1",
    // "2026-H2", "2026") is the rollup key that holds its count.
    for (const slice of ruleSlices(t.period, t.rule.per)) {
      for (const unit of units) {
        task.push(i);
        org.push(unit);
        key.push(slice.code);
        source.push(METRIC_ROLLUP[t.rule.metric].source);
        like.push(METRIC_ROLLUP[t.rule.metric].like);
      }
    }
  });
  if (task.length === 0) return satisfied;

  // Each (task, unit, slice) row's count; a task is short if any of its rows is below its min.
  const counts = await db.$queryRaw<{ task: number; n: number }[]>`
    SELECT u.task,
           coalesce((SELECT sum(r.n) FROM (
             SELECT n FROM "CountRollup" c
              WHERE c."orgId" = u.org AND c.month = u.key AND c.source = u.source AND c.part LIKE u.like_p
             UNION ALL
             SELECT n FROM "CountDelta" d
              WHERE d."orgId" = u.org AND d.month = u.key AND d.source = u.source AND d.part LIKE u.like_p
           ) r), 0)::int AS n
    FROM unnest(${task}::int[], ${org}::uuid[], ${key}::text[], ${source}::text[], ${like}::text[])
      AS u(task, org, key, source, like_p)`;
  const short = new Set<number>();
  for (const c of counts) {
    const t = tasks[c.task];
    if (t && c.n < t.rule.min) short.add(c.task);
  }
  for (const i of new Set(task)) {
    const t = tasks[i];
    if (t && !short.has(i)) satisfied.add(t.id);
  }
  return satisfied;
}
