import type { Kpi } from '@dutyboard/contracts/dashboard';
import { describe, expect, it } from 'vitest';
import { attentionKpis } from './attention.ts';

function kpi(metric: Kpi['metric'], done: number, target: number | null, status: Kpi['status'] = null): Kpi {
  return {
    metric,
    done,
    target,
    targetFrom: target === null ? null : 'TARGET',
    expected: null,
    status,
    drill: null,
    breakdown: [],
  };
}

const KPIS = [
  kpi('CENTRAL_GROUP_STUDY', 1, 6, 'AMBER'),
  kpi('SEMINAR', 4, 4, 'GREEN'),
  kpi('BRANCH_STUDY', 0, 6, 'RED'),
  kpi('ACTIVITY', 3, 4, 'GREEN'),
  kpi('PUBLICITY', 0, null),
  kpi('RECTIFICATION_OPEN', 2, null),
  kpi('ASSIGNMENT_OVERDUE', 0, null),
];

describe("a phone dashboard's attention list", () => {
  it('puts red pace first, then open problems, then amber; on-pace and untargeted figures stay behind the expander', () => {
    expect(attentionKpis(KPIS, false).map((k) => k.metric)).toEqual([
      'BRANCH_STUDY',
      'RECTIFICATION_OPEN',
      'CENTRAL_GROUP_STUDY',
    ]);
  });

  it('takes every target missed once the period is over, whatever the pace said', () => {
    expect(attentionKpis(KPIS, true).map((k) => k.metric)).toEqual([
      'BRANCH_STUDY',
      'RECTIFICATION_OPEN',
      'CENTRAL_GROUP_STUDY',
      'ACTIVITY',
    ]);
  });
});
