import { describe, expect, it } from 'vitest';
import { ruleText, shanghaiDate, shanghaiDateTime } from './columns.ts';
import { writeCsv } from './csv.ts';
import type { Sheet } from './sheets.ts';

const sheet = (rows: Sheet['rows']): Sheet => ({ name: 't', columns: [{ header: '名称' }, { header: '人数' }], rows });

describe('writeCsv', () => {
  it('starts with a BOM and ends every record, the last too, with CRLF', () => {
    expect(writeCsv(sheet([['甲', 1]]))).toBe('\uFEFF名称,人数\r\n甲,1\r\n');
  });

  it('quotes fields with commas, quotes or line breaks and doubles the quotes', () => {
    expect(
      writeCsv(
        sheet([
          ['a,b', 2],
          ['说"好"', 3],
          ['一\n二', 4],
          ['x\r\ny', 5],
        ]),
      ),
    ).toBe('\uFEFF名称,人数\r\n"a,b",2\r\n"说""好""",3\r\n"一\n二",4\r\n"x\r\ny",5\r\n');
  });

  it('writes null as an empty field and leaves numbers alone, negative ones too', () => {
    expect(writeCsv(sheet([[null, -3]]))).toBe('\uFEFF名称,人数\r\n,-3\r\n');
  });

  it('puts an apostrophe before text a spreadsheet would run as a formula', () => {
    const out = writeCsv(
      sheet([
        ['=1+1', 1],
        ['+86', 2],
        ['-x', 3],
        ['@SUM(A1)', 4],
        ['a=b', 5],
      ]),
    );
    expect(out).toBe("\uFEFF名称,人数\r\n'=1+1,1\r\n'+86,2\r\n'-x,3\r\n'@SUM(A1),4\r\na=b,5\r\n");
  });
});

describe('Shanghai dates', () => {
  it('shows an instant on the Shanghai clock, crossing midnight and the new year', () => {
    expect(shanghaiDateTime('2026-03-01T16:30:00Z')).toBe('2026-03-02 00:30');
    expect(shanghaiDateTime('2025-12-31T16:00:00.000Z')).toBe('2026-01-01 00:00');
    expect(shanghaiDateTime('2026-05-20T14:30:00+08:00')).toBe('2026-05-20 14:30');
    expect(shanghaiDate('2026-03-01T15:59:59Z')).toBe('2026-03-01');
    expect(shanghaiDate('2026-03-01T16:00:00Z')).toBe('2026-03-02');
    expect(shanghaiDateTime(null)).toBeNull();
  });
});

describe('ruleText', () => {
  it('reads like the web: per org or for each org below', () => {
    expect(ruleText({ metric: 'SEMINAR', min: 2, per: 'PERIOD', eachChild: false })).toBe(
      '专题研讨：整个周期至少 2 次',
    );
    expect(ruleText({ metric: 'PARTY_LECTURE', min: 1, per: 'MONTH', eachChild: true })).toBe(
      '讲党课：每个下级组织每月至少 1 次',
    );
    expect(ruleText(null)).toBeNull();
  });
});
