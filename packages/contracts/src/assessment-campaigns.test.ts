import { describe, expect, it } from 'vitest';
import {
  canStep,
  finalScoreOf,
  OpenCampaignInputSchema,
  POSTED_STEPS,
  RETURN_STATES,
  RETURN_STEP_ACTION,
  RETURN_STEP_PARTY,
  RETURN_STEPS,
  RETURN_TRANSITIONS,
  REVIEW_DUE_MESSAGE_KEY,
  type ReturnItem,
  type ReturnState,
  recordsDiff,
  returnStepsOf,
  reviewGaps,
  selfGaps,
} from './assessment-campaigns.ts';
import { isErrorMessageKey, renderErrorMessage } from './error-messages.ts';
import { RETURN_STATE_LABELS } from './labels.ts';
import { type Action, can } from './permissions.ts';

const item = (over: Partial<ReturnItem>): ReturnItem => ({
  key: 'a',
  proposed: 10,
  done: 2,
  selfScore: 10,
  selfNote: '',
  records: [],
  attachments: [],
  decision: null,
  reviewScore: null,
  reviewReason: '',
  counted: null,
  ...over,
});

describe('the return step table', () => {
  it('reaches every state from NOT_STARTED, and CONFIRMED is final', () => {
    const seen = new Set<ReturnState>(['NOT_STARTED']);
    const queue: ReturnState[] = ['NOT_STARTED'];
    while (queue.length > 0) {
      const from = queue.shift() as ReturnState;
      for (const to of RETURN_TRANSITIONS[from]) {
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...RETURN_STATES].sort());
    expect(RETURN_TRANSITIONS.CONFIRMED).toEqual([]);
  });

  it('allows exactly the listed steps: submit after a 自评, return or confirm only after review', () => {
    const allowed = RETURN_STATES.flatMap((from) =>
      RETURN_STEPS.filter((to) => canStep(from, to)).map((to) => `${from}>${to}`),
    );
    expect(allowed).toEqual([
      'NOT_STARTED>SELF_DRAFT',
      'SELF_DRAFT>SELF_DRAFT',
      'SELF_DRAFT>SUBMITTED',
      'SUBMITTED>IN_REVIEW',
      'SUBMITTED>RETURNED',
      'IN_REVIEW>IN_REVIEW',
      'IN_REVIEW>RETURNED',
      'IN_REVIEW>REVIEWED',
      'RETURNED>SELF_DRAFT',
      'RETURNED>SUBMITTED',
      'REVIEWED>IN_REVIEW',
      'REVIEWED>RETURNED',
      'REVIEWED>CONFIRMED',
    ]);
    for (const from of RETURN_STATES) expect(canStep(from, 'NOT_STARTED')).toBe(false);
    expect(canStep('NOT_STARTED', 'SUBMITTED')).toBe(false);
    expect(canStep('SUBMITTED', 'CONFIRMED')).toBe(false);
    expect(canStep('IN_REVIEW', 'CONFIRMED')).toBe(false);
  });

  it('gives the unit its 自评 steps and the issuer the rest, each with an action and a label', () => {
    expect(RETURN_STEPS.filter((s) => RETURN_STEP_PARTY[s] === 'UNIT')).toEqual(['SELF_DRAFT', 'SUBMITTED']);
    for (const s of POSTED_STEPS) expect(RETURN_STEPS).toContain(s);
    for (const s of RETURN_STATES) expect(RETURN_STATE_LABELS[s].zh.length).toBeGreaterThan(0);
    // The reviewer reviews and returns, never confirms; the leader does all; a secretary nothing.
    const steps = (
      role: 'REVIEWER' | 'LEADER' | 'SECRETARY',
      state: ReturnState,
      side = { unit: false, issuer: true },
    ) => returnStepsOf(state, (a: Action) => can(role, a), side);
    expect(steps('REVIEWER', 'REVIEWED')).toEqual(['IN_REVIEW', 'RETURNED']);
    expect(steps('LEADER', 'REVIEWED')).toEqual(['IN_REVIEW', 'RETURNED', 'CONFIRMED']);
    expect(steps('LEADER', 'RETURNED', { unit: true, issuer: false })).toEqual(['SELF_DRAFT', 'SUBMITTED']);
    // A 支部's secretary writes her branch's 自评 when the 街道 scores its branches.
    expect(steps('SECRETARY', 'RETURNED', { unit: true, issuer: false })).toEqual(['SELF_DRAFT', 'SUBMITTED']);
    expect(steps('SECRETARY', 'SUBMITTED', { unit: false, issuer: true })).toEqual([]);
    expect(steps('LEADER', 'SUBMITTED', { unit: true, issuer: false })).toEqual([]);
    expect(RETURN_STEP_ACTION.CONFIRMED).toBe('assessment:manage');
  });
});

describe('what an item needs', () => {
  const scheme = [
    { key: 'a', points: 10, manual: false },
    { key: 'm', points: 20, manual: true },
  ];

  it('a 自评: the proposal accepted needs nothing; an adjusted or manual score needs a note', () => {
    expect(selfGaps([item({}), item({ key: 'm', proposed: null, selfScore: 15, selfNote: '说明' })], scheme)).toEqual(
      [],
    );
    expect(
      selfGaps([item({ selfScore: 8 }), item({ key: 'm', proposed: null, selfScore: 15 })], scheme).map(
        (g) => g.problem,
      ),
    ).toEqual(['NOTE_MISSING', 'NOTE_MISSING']);
    expect(selfGaps([item({ selfScore: 11, selfNote: 'x' })], scheme).map((g) => g.problem)).toEqual([
      'ABOVE_POINTS',
      'SCORE_MISSING',
    ]);
  });

  it('a 复核: every item decided, a change with a reason; the final score follows the decision', () => {
    expect(reviewGaps([item({ decision: 'AGREE' })], scheme.slice(0, 1))).toEqual([]);
    expect(reviewGaps([item({})], scheme.slice(0, 1))).toEqual([{ key: 'a', problem: 'NOT_REVIEWED' }]);
    expect(reviewGaps([item({ decision: 'CHANGE', reviewScore: 5 })], scheme.slice(0, 1))).toEqual([
      { key: 'a', problem: 'REASON_MISSING' },
    ]);
    expect(finalScoreOf(item({ decision: 'CHANGE', reviewScore: 5 }))).toBe(5);
    expect(finalScoreOf(item({ decision: 'AGREE', reviewScore: null }))).toBe(10);
  });
});

describe('OpenCampaignInputSchema: the 复核 is due on or after the 自评', () => {
  const base = { scheme: '00000000-0000-4000-8000-000000000001', selfDueOn: '2026-12-20' };

  it('accepts the same day and a later one', () => {
    expect(OpenCampaignInputSchema.safeParse({ ...base, reviewDueOn: '2026-12-20' }).success).toBe(true);
    expect(OpenCampaignInputSchema.safeParse({ ...base, reviewDueOn: '2027-01-05' }).success).toBe(true);
  });

  it('refuses a day before, on reviewDueOn, with the catalogue key and its words', () => {
    const parsed = OpenCampaignInputSchema.safeParse({ ...base, reviewDueOn: '2026-12-19' });
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0];
    expect(issue?.path).toEqual(['reviewDueOn']);
    expect(isErrorMessageKey(REVIEW_DUE_MESSAGE_KEY)).toBe(true);
    expect(issue?.message).toBe(renderErrorMessage(REVIEW_DUE_MESSAGE_KEY, {}, 'zh'));
    expect((issue as { params?: { key?: string } } | undefined)?.params?.key).toBe(REVIEW_DUE_MESSAGE_KEY);
  });
});

describe('recordsDiff: drift by record identity', () => {
  const rec = (id: string) => ({
    id,
    link: { type: 'Activity' as const, id },
    title: id,
    date: '2026-08-01',
    orgName: 'x',
  });
  it('names a record removed and another added even when the count is the same', () => {
    const a = '00000000-0000-4000-8000-00000000000a';
    const b = '00000000-0000-4000-8000-00000000000b';
    const c = '00000000-0000-4000-8000-00000000000c';
    const diff = recordsDiff([rec(a), rec(b)], [rec(a), rec(c)]);
    expect(diff.added.map((r) => r.id)).toEqual([c]);
    expect(diff.removed.map((r) => r.id)).toEqual([b]);
    expect(recordsDiff([rec(a)], [rec(a)])).toEqual({ added: [], removed: [] });
  });
});
