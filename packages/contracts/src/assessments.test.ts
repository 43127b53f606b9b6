import { describe, expect, it } from 'vitest';
import {
  deadlineDueDay,
  INCIDENT_FIGURE_KEYS,
  SCHEME_TOTAL_DEFAULT,
  type SchemeItemInput,
  type SchemeRule,
  SchemeRuleSchema,
  schemeIssues,
  schemeTotal,
  schemeWarnings,
  scoreCount,
  scoreDeadline,
  scorePerIncident,
  starterReportDueOn,
  starterSchemeCategories,
  sumPoints,
  vetoStrikes,
} from './assessments.ts';
import { FIGURES } from './figures.ts';

type CountRule = Extract<SchemeRule, { type: 'COUNT' }>;
const count = (over: Partial<CountRule> = {}): CountRule => ({
  type: 'COUNT',
  figure: 'CENTRAL_GROUP_STUDY',
  required: 3,
  per: 'QUARTER',
  method: 'FULL_OR_NOTHING',
  ...over,
});

describe('the rule union', () => {
  it('parses each rule type and refuses a figure its type may not name', () => {
    expect(SchemeRuleSchema.parse({ type: 'MANUAL' })).toEqual({ type: 'MANUAL' });
    expect(SchemeRuleSchema.safeParse(count()).success).toBe(true);
    expect(SchemeRuleSchema.safeParse({ type: 'DEADLINE', figure: 'SEMINAR', dueMonth: '2026-06' }).success).toBe(true);
    expect(SchemeRuleSchema.safeParse({ type: 'DEADLINE', figure: 'SEMINAR', dueMonth: '2026-13' }).success).toBe(
      false,
    );
    // An incident figure is one where less is better; a count figure is a dated record count.
    expect(SchemeRuleSchema.safeParse({ type: 'VETO', figure: 'SEMINAR' }).success).toBe(false);
    expect(SchemeRuleSchema.safeParse({ type: 'PER_INCIDENT', figure: 'ALERT_REPORTED_LATE', deduct: 2 }).success).toBe(
      true,
    );
    expect(SchemeRuleSchema.safeParse({ ...count(), figure: 'RECTIFICATION_OPEN' }).success).toBe(false);
    expect(SchemeRuleSchema.safeParse({ ...count(), figure: 'ASSIGNMENT_DONE' }).success).toBe(false);
    expect(SchemeRuleSchema.safeParse({ type: 'MANUAL', figure: 'SEMINAR' }).success).toBe(false);
  });

  it('takes its incident figures from the registry: rolled figures where less is better', () => {
    expect(INCIDENT_FIGURE_KEYS.length).toBeGreaterThan(0);
    for (const k of INCIDENT_FIGURE_KEYS) expect(FIGURES[k].better).toBe('LESS');
    expect(INCIDENT_FIGURE_KEYS).toContain('ALERT_REPORTED_LATE');
  });
});

describe('COUNT scoring at its boundaries', () => {
  const pts = 10;
  it('full or nothing: exactly at the required number in every slice, one below, zero', () => {
    expect(scoreCount(count(), pts, [3, 3, 3, 3])).toBe(pts);
    expect(scoreCount(count(), pts, [3, 3, 2, 3])).toBe(0);
    expect(scoreCount(count(), pts, [0, 0, 0, 0])).toBe(0);
    // Extra records in one quarter do not make up for a missing one.
    expect(scoreCount(count(), pts, [9, 3, 0, 3])).toBe(0);
  });

  it('proportional: capped per slice, a quarter missing loses its share', () => {
    const r = count({ method: 'PROPORTIONAL' });
    expect(scoreCount(r, pts, [3, 3, 3, 3])).toBe(pts);
    expect(scoreCount(r, pts, [5, 3, 3, 3])).toBe(pts);
    expect(scoreCount(r, pts, [3, 3, 3, 0])).toBe(7.5);
    expect(scoreCount(r, pts, [3, 3, 3, 2])).toBe(Math.round(((pts * 11) / 12) * 100) / 100);
    expect(scoreCount(r, pts, [0, 0, 0, 0])).toBe(0);
  });

  it('per missing: points − k per missing record, floor at 0', () => {
    const r = count({ method: 'PER_MISSING', deduct: 2, required: 1 });
    expect(scoreCount(r, pts, [1, 1, 1, 1])).toBe(pts);
    expect(scoreCount(r, pts, [1, 1, 0, 1])).toBe(pts - 2);
    expect(scoreCount(r, pts, [0, 0, 0, 1])).toBe(pts - 6);
    // 4 missing × 3 = 12 > 10: floor at 0.
    expect(scoreCount({ ...r, deduct: 3 }, pts, [0, 0, 0, 0])).toBe(0);
  });

  it('whole-period count: exactly at, one below', () => {
    const r = count({ per: 'PERIOD', required: 12, method: 'FULL_OR_NOTHING' });
    expect(scoreCount(r, pts, [12])).toBe(pts);
    expect(scoreCount(r, pts, [11])).toBe(0);
  });
});

describe('DEADLINE, PER_INCIDENT and VETO at their boundaries', () => {
  it('a deadline is met by one record, not by zero', () => {
    expect(scoreDeadline(5, 1)).toBe(5);
    expect(scoreDeadline(5, 0)).toBe(0);
  });
  it('per incident: no incident is full points; floor at 0', () => {
    expect(scorePerIncident(10, 3, 0)).toBe(10);
    expect(scorePerIncident(10, 3, 1)).toBe(7);
    expect(scorePerIncident(10, 3, 3)).toBe(1);
    expect(scorePerIncident(10, 3, 4)).toBe(0);
  });
  it('a veto strikes at one incident and makes the total 0', () => {
    expect(vetoStrikes(0)).toBe(false);
    expect(vetoStrikes(1)).toBe(true);
    expect(schemeTotal([10, 20, null], false)).toBe(30);
    expect(schemeTotal([10, 20, null], true)).toBe(0);
  });
});

const item = (over: Partial<SchemeItemInput> = {}): SchemeItemInput => ({
  title: '中心组学习',
  points: 50,
  rule: count({ per: 'PERIOD' }),
  evidence: '',
  scorer: 'COMPUTED',
  ...over,
});

describe('scheme validation', () => {
  it('accepts a tree whose points add up to the total', () => {
    expect(schemeIssues({ period: '2026', total: 100, categories: [{ title: 'A', items: [item(), item()] }] })).toEqual(
      [],
    );
  });

  it('names each error by its path', () => {
    const paths = schemeIssues({
      period: '2026-H1',
      total: 100,
      categories: [
        {
          title: 'A',
          items: [
            item({ key: 'a' }),
            item({ key: 'a', rule: { type: 'MANUAL' }, scorer: 'COMPUTED', points: 10 }),
            item({ rule: { type: 'VETO', figure: 'RECTIFICATION_OPEN' }, points: 5 }),
            item({ rule: count({ method: 'PER_MISSING' }), points: 20 }),
            item({ rule: { type: 'DEADLINE', figure: 'SEMINAR', dueMonth: '2026-09' }, points: 10 }),
          ],
        },
      ],
    }).map((i) => i.path);
    expect(paths).toEqual([
      'total',
      'categories.0.items.1.key',
      'categories.0.items.1.scorer',
      'categories.0.items.2.points',
      'categories.0.items.3.rule.deduct',
      'categories.0.items.4.rule.dueMonth',
    ]);
  });

  it('warns (减负) on items that count photos, uploads or check-ins, and not on the others', () => {
    const warnings = schemeWarnings({
      categories: [
        {
          title: 'A',
          items: [item(), item({ title: '上传活动照片不少于10张' }), item({ evidence: '每日学习打卡记录' })],
        },
      ],
    });
    expect(warnings.map((w) => [w.path, w.words])).toEqual([
      ['categories.0.items.1', ['照片', '上传']],
      ['categories.0.items.2', ['打卡']],
    ]);
  });
});

describe('the starter scheme for a 街道', () => {
  for (const period of ['2026', '2026-H1']) {
    it(`is valid and adds up to ${SCHEME_TOTAL_DEFAULT} (${period})`, () => {
      const categories = starterSchemeCategories(period);
      expect(schemeIssues({ period, total: SCHEME_TOTAL_DEFAULT, categories })).toEqual([]);
      expect(sumPoints(categories.flatMap((c) => c.items))).toBe(SCHEME_TOTAL_DEFAULT);
      expect(schemeWarnings({ categories })).toEqual([]);
    });
  }

  it('scales 中心组学习 ≥ 12 a year to the period and keeps ≥ 1 per quarter', () => {
    const rules = (p: string) =>
      starterSchemeCategories(p)
        .flatMap((c) => c.items)
        .map((i) => i.rule)
        .filter((r): r is CountRule => r.type === 'COUNT');
    expect(rules('2026').map((r) => [r.figure, r.required, r.per])).toEqual([
      ['COMMITTEE_SPECIAL_STUDY', 2, 'PERIOD'],
      ['COMMITTEE_JUDGEMENT', 1, 'QUARTER'],
      ['CENTRAL_GROUP_STUDY', 12, 'PERIOD'],
      ['CENTRAL_GROUP_STUDY', 1, 'QUARTER'],
    ]);
    expect(rules('2026-H1').map((r) => [r.figure, r.required, r.per])).toEqual([
      ['COMMITTEE_SPECIAL_STUDY', 1, 'PERIOD'],
      ['COMMITTEE_JUDGEMENT', 1, 'QUARTER'],
      ['CENTRAL_GROUP_STUDY', 6, 'PERIOD'],
      ['CENTRAL_GROUP_STUDY', 1, 'QUARTER'],
    ]);
  });
});

describe('DEADLINE by day (ADR 044)', () => {
  it('takes a due day inside the due month, and the month form still parses', () => {
    const rule = { type: 'DEADLINE', figure: 'SEMINAR', dueMonth: '2026-06' } as const;
    expect(SchemeRuleSchema.safeParse(rule).success).toBe(true);
    expect(SchemeRuleSchema.safeParse({ ...rule, dueOn: '2026-06-20' }).success).toBe(true);
    expect(SchemeRuleSchema.safeParse({ ...rule, dueOn: '2026-06-31' }).success).toBe(false);
  });

  it('the last day is the due day, else the due month’s last day (leap years too)', () => {
    expect(deadlineDueDay({ dueMonth: '2026-06', dueOn: '2026-06-20' })).toBe('2026-06-20');
    expect(deadlineDueDay({ dueMonth: '2026-06' })).toBe('2026-06-30');
    expect(deadlineDueDay({ dueMonth: '2028-02' })).toBe('2028-02-29');
    expect(deadlineDueDay({ dueMonth: '2026-12' })).toBe('2026-12-31');
  });

  it('the starter’s 专题汇报 is due on 20 June for H1 and on 20 December otherwise', () => {
    expect(starterReportDueOn('2026-H1')).toBe('2026-06-20');
    expect(starterReportDueOn('2026-H2')).toBe('2026-12-20');
    expect(starterReportDueOn('2026')).toBe('2026-12-20');
    const titles = starterSchemeCategories('2026-H1').flatMap((c) => c.items.map((i) => i.title));
    expect(titles.some((t) => t.includes('专题汇报') && t.includes('6月20日'))).toBe(true);
  });

  it('the starter’s 专题汇报 is a DEADLINE on its 报送 by that day, no longer MANUAL (issue 19)', () => {
    const item = starterSchemeCategories('2026-H1')
      .flatMap((c) => c.items)
      .find((i) => i.title.includes('专题汇报'));
    expect(item?.rule).toEqual({
      type: 'DEADLINE',
      figure: 'SPECIAL_REPORT_SENT',
      dueMonth: '2026-06',
      dueOn: '2026-06-20',
    });
  });
});
