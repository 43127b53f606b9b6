import { describe, expect, it } from 'vitest';
import {
  basisOf,
  LOST_REASON_MESSAGES,
  rankRows,
  renderLostReason,
  shownTotal,
  trendOf,
  trendText,
} from './assessment-results.ts';
import { placeholdersOf } from './error-messages.ts';

describe('rankRows', () => {
  it('ranks equal scores equal and skips the next rank (1, 1, 3), ties by unit name, unscored last', () => {
    const rows = [
      { orgName: '乙街道', score: 88 },
      { orgName: '丙街道', score: null },
      { orgName: '甲街道', score: 70 },
      { orgName: '安街道', score: 88 },
    ];
    expect(rankRows(rows).map((r) => [r.orgName, r.rank])).toEqual([
      ['安街道', 1],
      ['乙街道', 1],
      ['甲街道', 3],
      ['丙街道', null],
    ]);
  });
});

describe('basis and trend', () => {
  it('shows the final total only once confirmed, the 自评 total before review', () => {
    expect(basisOf('CONFIRMED')).toBe('FINAL');
    expect(basisOf('REVIEWED')).toBe('REVIEW');
    expect(basisOf('IN_REVIEW')).toBe('SELF');
    expect(shownTotal({ state: 'IN_REVIEW', selfTotal: 90, finalTotal: 80 })).toBe(90);
    expect(shownTotal({ state: 'NOT_STARTED', selfTotal: null, finalTotal: null })).toBeNull();
  });

  it('says why there is no trend rather than 0, and signs a change', () => {
    expect(trendText(trendOf(92, 88), 'zh')).toBe('+4');
    expect(trendText(trendOf(80, 88), 'zh')).toBe('−8');
    expect(trendText(trendOf(88, 88), 'zh')).toBe('±0');
    expect(trendText(trendOf(null, 88), 'zh')).toBe('无可比得分');
    expect(trendText({ delta: null, previous: null, absent: 'NO_EARLIER_CAMPAIGN' }, 'en')).toBe('No earlier campaign');
  });
});

describe('lost-point reasons', () => {
  it('every message names the same parameters in zh and en', () => {
    for (const [key, m] of Object.entries(LOST_REASON_MESSAGES)) {
      expect([key, placeholdersOf(m.en).sort()]).toEqual([key, placeholdersOf(m.zh).sort()]);
    }
  });

  it('words the shortfall in either language, the slice through its label', () => {
    expect(renderLostReason({ key: 'lost.count', params: { required: 4, done: 3, lost: 2 } }, 'zh')).toBe(
      '要求 4 次，完成 3 次，扣 2 分',
    );
    expect(
      renderLostReason(
        { key: 'lost.countPer', params: { per: 'QUARTER', required: 1, short: 2, missing: 2, lost: 4 } },
        'zh',
      ),
    ).toBe('每季度要求 1 次，2 个时段未达到（共缺 2 次），扣 4 分');
    expect(renderLostReason({ key: 'lost.count', params: { required: 4, done: 3, lost: 2 } }, 'en')).toBe(
      '4 required, 3 done: 2 points off',
    );
  });
});
