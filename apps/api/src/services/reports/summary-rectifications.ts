// 上期问题整改 (issue 19, ADR 047): when a 工作总结 version is made FINAL, each problem its 存在问题
// section names becomes a rectification (source SUMMARY) linked to that version, so the next
// period's 总结 and 专题汇报 can open with how each was rectified (summary-facts.ts
// previousProblems). Runs in the 定稿's transaction under the document's lock: a problem already
// tracked for the same 总结 (an earlier FINAL version said it too) is not tracked twice, and a
// problem a later version leaves out keeps its item — nothing once tracked is lost.
import { periodFromCode, shanghaiLocalDate } from '@dutyboard/contracts/periods';
import { periodName } from '@dutyboard/contracts/plan';
import { nextPeriodCode } from '@dutyboard/contracts/report-kinds';
import type { SavedSummary } from '@dutyboard/contracts/reports';
import { problemsOfContent } from '@dutyboard/contracts/summary-text';
import type { Prisma } from '@dutyboard/db/client';
import type { AuthUser } from '../auth/sessions.ts';
import { RECORD_KINDS } from '../records/registry.ts';
import { createRecord } from '../records/writes.ts';
import { deadlineEnd } from '../rectifications/rectifications.ts';

/**
 * The due day an item starts with: the last day of the next period of the same kind (the 总结 of
 * that period reports on it). The owner starts empty: both are set on the rectification list
 * (PATCH /api/rectifications/:id), as for any item.
 */
export function defaultDueDay(periodCode: string): string {
  // The start of the period after next, one millisecond back: the next period's last day.
  const afterNext = periodFromCode(nextPeriodCode(nextPeriodCode(periodCode)));
  return shanghaiLocalDate(new Date(afterNext.startsAt.getTime() - 1));
}

/** Creates the items of a FINAL 总结 version's problems not yet tracked; answers how many it made. */
export async function rectificationsFromSummary(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  summary: SavedSummary,
): Promise<number> {
  const problems = problemsOfContent(summary.content);
  if (problems.length === 0) return 0;
  const tracked = await tx.rectification.findMany({
    where: {
      source: 'SUMMARY',
      reportDraft: { kind: summary.kind, orgId: summary.orgId, periodCode: summary.periodCode },
    },
    select: { problem: true },
  });
  const known = new Set(tracked.map((t) => t.problem));
  const name = periodName(periodFromCode(summary.periodCode));
  const deadlineAt = deadlineEnd(defaultDueDay(summary.periodCode));
  let made = 0;
  for (const [i, problem] of problems.entries()) {
    if (known.has(problem)) continue;
    await createRecord(
      tx,
      user,
      RECORD_KINDS.Rectification,
      {
        orgId: summary.orgId,
        problem,
        source: 'SUMMARY',
        measure: null,
        ownerName: null,
        deadlineAt,
        alertId: null,
        findingRef: `${name}工作总结（第${summary.number}版）问题${i + 1}`,
        reportDraftId: summary.id,
      },
      { orgChecked: true },
    );
    made += 1;
  }
  return made;
}
