import type { Kpi } from '@dutyboard/contracts/dashboard';
import { FIGURES } from '@dutyboard/contracts/figures';
import { describe, expect, it } from 'vitest';
import { gapsOf, HOME_KINDS } from './home-kinds.ts';

function kpi(metric: Kpi['metric'], done: number, target: number | null, status: Kpi['status'] = null): Kpi {
  const targetFrom = target === null ? null : 'TARGET';
  return { metric, done, target, targetFrom, expected: target === null ? null : 0, status, drill: null, breakdown: [] };
}

describe('a secretary home: the gaps of the period', () => {
  it('lists only figures of the kinds she logs that are short of their target, behind pace first', () => {
    const gaps = gapsOf(
      [
        kpi('ACTIVITY', 2, 4, 'GREEN'),
        kpi('BRANCH_STUDY', 1, 6, 'AMBER'),
        kpi('PARTY_LECTURE', 0, 1, 'RED'),
        kpi('SEMINAR', 3, 3, 'GREEN'), // met
        kpi('CADRE_TRAINING', 0, null), // no target
        kpi('PUBLICITY', 0, 5, 'RED'), // not a kind of the home
        kpi('ASSIGNMENT_OVERDUE', 2, null),
      ],
      HOME_KINDS,
    );
    expect(gaps.map((g) => [g.kpi.metric, g.missing, g.behind])).toEqual([
      ['PARTY_LECTURE', 1, true],
      ['BRANCH_STUDY', 5, true],
      ['ACTIVITY', 2, false],
    ]);
  });

  it("starts the new record on the figure's own kind or category when its drill names one", () => {
    const hrefs = Object.fromEntries(
      gapsOf(
        [
          kpi('PARTY_LECTURE', 0, 1),
          kpi('BRANCH_STUDY', 0, 1),
          kpi('ACTIVITY', 0, 1),
          kpi('CENTRAL_GROUP_STUDY', 0, 1),
        ],
        HOME_KINDS,
      ).map((g) => [g.kpi.metric, g.href]),
    );
    expect(hrefs).toEqual({
      PARTY_LECTURE: `/activities/new?category=${FIGURES.PARTY_LECTURE.query.category}`,
      BRANCH_STUDY: `/study-sessions/new?kind=${FIGURES.BRANCH_STUDY.query.kind}`,
      ACTIVITY: '/activities/new',
      CENTRAL_GROUP_STUDY: '/study-sessions/new',
    });
  });

  it('shows nothing for a kind the user cannot log', () => {
    const studyOnly = HOME_KINDS.filter((k) => k.source === 'study');
    expect(gapsOf([kpi('ACTIVITY', 0, 4, 'RED')], studyOnly)).toEqual([]);
  });
});
