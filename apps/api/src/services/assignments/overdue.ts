// When a responsibility-list task is overdue, declared once: a task is due by the end of its due
// Shanghai day (dueAt is that day's midnight), so it is late from dueAt + 1 day while still OPEN.
// The list's `overdue` (assignments.ts), the dashboard's task figures (summary.ts) and the bell
// (notifications.ts) read this predicate or its SQL form.
import type { Prisma } from '@dutyboard/db/client';
import { Prisma as PrismaValues } from '@dutyboard/db/generated/prisma/client';

const GRACE_DAYS = 1;
const GRACE_MS = GRACE_DAYS * 24 * 3600 * 1000;

/** The instant a task becomes late. */
export function deadlineOf(dueAt: Date): Date {
  return new Date(dueAt.getTime() + GRACE_MS);
}

/** A task as answered (status computed for rule tasks) is overdue at `now`. */
export function isOverdue(task: { status: string; dueAt: Date | null }, now: Date): boolean {
  return task.status === 'OPEN' && task.dueAt !== null && now.getTime() >= deadlineOf(task.dueAt).getTime();
}

/** deadlineOf in SQL, for the task table aliased `alias`. */
export function deadlineSql(alias: string): Prisma.Sql {
  return PrismaValues.sql`(${PrismaValues.raw(`${alias}."dueAt"`)} + make_interval(days => ${GRACE_DAYS}::int))`;
}

/** isOverdue in SQL for a stored status (tasks without a rule; rule tasks' status is computed). */
export function overdueSql(alias: string, now: Date): Prisma.Sql {
  return PrismaValues.sql`(${PrismaValues.raw(`${alias}.status`)} = 'OPEN' AND ${deadlineSql(alias)} <= ${now})`;
}
