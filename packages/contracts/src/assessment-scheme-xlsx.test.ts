// The rule → words sentence of the 细则's 评分方法 column, for every rule type and COUNT method.
import { describe, expect, it } from 'vitest';
import { SCHEME_XLSX_COLUMNS, schemeLevelIssuedBy, schemeRuleWords } from './assessment-scheme-xlsx.ts';
import { SCHEME_RULE_TYPES, type SchemeRule } from './assessments.ts';

const words = (rule: SchemeRule, points = 10) => schemeRuleWords({ points, rule });

describe('schemeRuleWords', () => {
  it('COUNT per missing: the figure, the slice, the required number and the deduction', () => {
    expect(
      words({
        type: 'COUNT',
        figure: 'CENTRAL_GROUP_SEMINAR',
        required: 1,
        per: 'QUARTER',
        method: 'PER_MISSING',
        deduct: 2,
      }),
    ).toBe('中心组专题学习研讨 每季度不少于1次，少一次扣2分，扣完为止');
  });
  it('COUNT full or nothing names the points; proportional says so; MONTH and PERIOD slices', () => {
    expect(words({ type: 'COUNT', figure: 'SEMINAR', required: 1, per: 'MONTH', method: 'FULL_OR_NOTHING' }, 5)).toBe(
      '专题研讨 每月不少于1次，达到得5分，未达到不得分',
    );
    expect(
      words({ type: 'COUNT', figure: 'CENTRAL_GROUP_STUDY', required: 6, per: 'PERIOD', method: 'PROPORTIONAL' }),
    ).toBe('中心组理论学习 考核期内不少于6次，按完成比例得分');
  });
  it('DEADLINE names the month and the points', () => {
    expect(words({ type: 'DEADLINE', figure: 'SEMINAR', dueMonth: '2026-03' }, 8)).toBe(
      '2026年3月底前完成专题研讨，按时完成得8分，未完成不得分',
    );
  });
  it('PER_INCIDENT, VETO and MANUAL', () => {
    expect(words({ type: 'PER_INCIDENT', figure: 'ALERT_REPORTED_LATE', deduct: 3 })).toMatch(
      /^每发生1次.+扣3分，扣完为止$/,
    );
    expect(words({ type: 'VETO', figure: 'RECTIFICATION_OPEN' }, 0)).toMatch(/^发生.+的，一票否决（总分计0分）$/);
    expect(words({ type: 'MANUAL' })).toBe('由复核人对照佐证材料评分，并写明理由');
  });
  it('every rule type has a sentence', () => {
    const samples: Record<(typeof SCHEME_RULE_TYPES)[number], SchemeRule> = {
      COUNT: { type: 'COUNT', figure: 'SEMINAR', required: 1, per: 'PERIOD', method: 'FULL_OR_NOTHING' },
      DEADLINE: { type: 'DEADLINE', figure: 'SEMINAR', dueMonth: '2026-06' },
      PER_INCIDENT: { type: 'PER_INCIDENT', figure: 'RECTIFICATION_OPEN', deduct: 1 },
      VETO: { type: 'VETO', figure: 'RECTIFICATION_OPEN' },
      MANUAL: { type: 'MANUAL' },
    };
    for (const type of SCHEME_RULE_TYPES) expect(words(samples[type]).length).toBeGreaterThan(5);
  });
});

describe('the xlsx columns', () => {
  it('people’s columns first, the 系统 columns grouped at the right', () => {
    const machine = SCHEME_XLSX_COLUMNS.map((c) => c.machine);
    expect(machine.indexOf(true)).toBeGreaterThan(0);
    expect(machine.slice(machine.indexOf(true)).every(Boolean)).toBe(true);
    expect(new Set(SCHEME_XLSX_COLUMNS.map((c) => c.header)).size).toBe(SCHEME_XLSX_COLUMNS.length);
  });
  it('the level an org issues for', () => {
    expect(schemeLevelIssuedBy('DISTRICT')).toBe('STREET');
    expect(schemeLevelIssuedBy('STREET')).toBe('BRANCH');
    expect(schemeLevelIssuedBy('BRANCH')).toBeNull();
  });
});
