import { describe, expect, it } from 'vitest';
import {
  CreateMeetingInputSchema,
  holdsCommitteeMeetings,
  MEETING_JUDGEMENT_ONLY,
  MEETING_JUDGEMENT_REQUIRED,
  UpdateMeetingInputSchema,
} from './committee-meetings.ts';
import { ORG_KINDS } from './orgs.ts';

const ID = '6f1c2a4e-8b1d-4c3e-9f2a-1b2c3d4e5f60';
const base = {
  orgId: ID,
  kind: 'SPECIAL_STUDY',
  title: '党工委专题研究意识形态工作',
  heldAt: '2026-03-10T01:00:00.000Z',
  chair: '张卫国',
  attendees: [{ name: '李明', observer: false }],
  agenda: ['研究年度工作方案'],
};

describe('the 党工委 meeting schemas', () => {
  it('holds meetings at committees (市, 区, 街道/乡镇) and never at a branch', () => {
    expect(ORG_KINDS.filter(holdsCommitteeMeetings)).toEqual([
      'CITY_COMMITTEE',
      'DISTRICT_COMMITTEE',
      'STREET_COMMITTEE',
      'TOWNSHIP_COMMITTEE',
    ]);
  });

  it('takes a 专题研究 without decisions and gives it an empty list', () => {
    const parsed = CreateMeetingInputSchema.parse(base);
    expect(parsed.decisions).toEqual([]);
  });

  it('needs a judgement on a 研判 and refuses one on a 专题研究', () => {
    const judgement = { risks: [{ area: '网络舆情', level: 'HIGH', measures: '加强巡查' }] };
    const missing = CreateMeetingInputSchema.safeParse({ ...base, kind: 'SITUATION_JUDGEMENT' });
    expect(missing.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['judgement', MEETING_JUDGEMENT_REQUIRED],
    ]);
    const extra = CreateMeetingInputSchema.safeParse({ ...base, judgement });
    expect(extra.error?.issues.map((i) => i.message)).toEqual([MEETING_JUDGEMENT_ONLY]);
    const ok = CreateMeetingInputSchema.parse({ ...base, kind: 'SITUATION_JUDGEMENT', judgement });
    expect(ok.judgement).toEqual({ ...judgement, riskPointIds: [], alertIds: [] });
  });

  it('refuses an empty agenda or attendee list, blank topics, unknown fields and a bad due day', () => {
    const fields = (v: unknown) =>
      CreateMeetingInputSchema.safeParse(v).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(fields({ ...base, agenda: [] })).toEqual(['agenda']);
    expect(fields({ ...base, attendees: [] })).toEqual(['attendees']);
    expect(fields({ ...base, agenda: ['  '] })).toEqual(['agenda.0']);
    expect(fields({ ...base, extra: 1 })).toEqual(['']);
    expect(fields({ ...base, decisions: [{ text: '印发方案', ownerId: ID, dueDate: '2026-02-30' }] })).toEqual([
      'decisions.0.dueDate',
    ]);
  });

  it('takes a partial change but not an empty one', () => {
    expect(UpdateMeetingInputSchema.safeParse({}).success).toBe(false);
    expect(UpdateMeetingInputSchema.parse({ venue: '二楼会议室' })).toEqual({ venue: '二楼会议室' });
  });
});
