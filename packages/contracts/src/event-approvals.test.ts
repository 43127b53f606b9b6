import { describe, expect, it } from 'vitest';
import {
  ChainStepSchema,
  CreateEventInputSchema,
  eventPart,
  isLateSubmission,
  leadDaysBetween,
} from './event-approvals.ts';
import { FIGURES, partMatcher } from './figures.ts';

describe('lead days by Shanghai calendar day', () => {
  const start = new Date('2026-05-10T02:00:00Z'); // 10:00 on 5/10 in Shanghai
  it('counts days between the days, not hours between the instants', () => {
    // 23:30 on 5/7 in Shanghai is 15:30 UTC: three Shanghai days before the start's day.
    expect(leadDaysBetween(new Date('2026-05-07T15:30:00Z'), start)).toBe(3);
    // 00:30 on 5/8 in Shanghai is still 5/7 in UTC: two days.
    expect(leadDaysBetween(new Date('2026-05-07T16:30:00Z'), start)).toBe(2);
  });
  it('exactly N days ahead is on time; N-1 is late', () => {
    expect(isLateSubmission(new Date('2026-05-07T15:30:00Z'), start, 3)).toBe(false);
    expect(isLateSubmission(new Date('2026-05-07T16:30:00Z'), start, 3)).toBe(true);
    expect(isLateSubmission(new Date('2026-05-10T01:00:00Z'), start, 0)).toBe(false);
  });
});

describe('figure parts', () => {
  const unapproved = partMatcher(FIGURES.EVENTS_UNAPPROVED.parts);
  const approved = partMatcher(FIGURES.EVENTS_APPROVED.parts);
  it('an event held without approval, or submitted late, is flagged; an approved one is counted as approved', () => {
    expect(unapproved(eventPart({ state: 'HELD', late: false, unapproved: true }))).toBe(true);
    expect(unapproved(eventPart({ state: 'SUBMITTED', late: true, unapproved: false }))).toBe(true);
    expect(unapproved(eventPart({ state: 'APPROVED', late: true, unapproved: false }))).toBe(true);
    expect(unapproved(eventPart({ state: 'HELD', late: false, unapproved: false }))).toBe(false);
    expect(unapproved(eventPart({ state: 'DRAFT', late: false, unapproved: false }))).toBe(false);
    expect(approved(eventPart({ state: 'HELD', late: false, unapproved: false }))).toBe(true);
    expect(approved(eventPart({ state: 'HELD', late: false, unapproved: true }))).toBe(false);
    expect(approved(eventPart({ state: 'REJECTED', late: false, unapproved: false }))).toBe(false);
  });
});

describe('schemas say what to fix', () => {
  it('a chain step names a role at a level, or a user, not both and not neither', () => {
    expect(ChainStepSchema.safeParse({ label: '社区书记', role: 'SECRETARY', level: 'BRANCH' }).success).toBe(true);
    expect(ChainStepSchema.safeParse({ label: '宣传委员', userId: crypto.randomUUID() }).success).toBe(true);
    expect(ChainStepSchema.safeParse({ label: '空' }).success).toBe(false);
    expect(
      ChainStepSchema.safeParse({ label: '两者', role: 'LEADER', level: 'STREET', userId: crypto.randomUUID() })
        .success,
    ).toBe(false);
  });
  it('an event ending before it starts, or with foreign participants undescribed, names the field', () => {
    const result = CreateEventInputSchema.safeParse({
      orgId: crypto.randomUUID(),
      kind: 'FORUM',
      topic: '论坛',
      outline: '提纲',
      speaker: '主讲人',
      speakerEmployer: '单位',
      venue: '会场',
      startsAt: '2026-05-10T02:00:00Z',
      endsAt: '2026-05-10T01:00:00Z',
      audienceSize: 10,
      foreignParticipants: true,
      vettingOpinion: '同意',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['endsAt', 'foreignDetails']);
  });
});
