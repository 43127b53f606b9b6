import { describe, expect, it } from 'vitest';
import { cellHasTime, rawOf, readChoice, readDateTime, readInt, readText } from './cells.ts';
import { decodeUtf8 } from './reader.ts';
import { normaliseHeader } from './spec.ts';

const value = <T>(read: { ok: true; value: T | undefined } | { ok: false; reason: string }) =>
  read.ok ? read.value : `ERR ${read.reason}`;

describe('readDateTime', () => {
  it('reads typed times on the Shanghai clock, whatever the separators', () => {
    for (const text of [
      '2026-05-20 14:30',
      '2026/5/20 14:30',
      '2026.05.20 14:30:00',
      '2026年5月20日 14:30',
      '2026年5月20日14时30分',
      '２０２６－０５－２０　１４：３０',
      '2026-05-20T14:30',
    ]) {
      expect(value(readDateTime(text)), text).toBe('2026-05-20T14:30:00+08:00');
    }
  });

  it('takes a day without a time as its 00:00', () => {
    expect(value(readDateTime('2026-05-20'))).toBe('2026-05-20T00:00:00+08:00');
  });

  it('reads an Excel date cell (its UTC fields are the wall clock) and an Excel serial number', () => {
    expect(value(readDateTime(new Date(Date.UTC(2026, 4, 20, 14, 30))))).toBe('2026-05-20T14:30:00+08:00');
    // 46162 is 2026-05-20; .6041666… is 14:30, with Excel's floating-point dust.
    expect(value(readDateTime(46162.604166666664))).toBe('2026-05-20T14:30:00+08:00');
  });

  it('refuses days that do not exist and text that is not a time, saying what was written', () => {
    expect(value(readDateTime('2026-02-30'))).toBe('ERR “2026-02-30”不是存在的日期或时间');
    expect(value(readDateTime('2026-05-20 24:00'))).toBe('ERR “2026-05-20 24:00”不是存在的日期或时间');
    expect(value(readDateTime('五月二十日'))).toMatch(/^ERR “五月二十日”不是有效的时间/);
    expect(value(readDateTime(12))).toMatch(/^ERR “12”不是日期/);
    expect(value(readDateTime({ error: '#REF!' }))).toBe('ERR 单元格是错误值 #REF!，请填写实际内容');
  });

  it('leaves a blank cell to the schema (required or not)', () => {
    expect(readDateTime(null)).toEqual({ ok: true, value: undefined });
    expect(readDateTime('  ')).toEqual({ ok: true, value: undefined });
  });
});

describe('readInt', () => {
  it('reads whole numbers from number cells and digit text, full-width included', () => {
    expect(value(readInt(30))).toBe(30);
    expect(value(readInt(' 30 '))).toBe(30);
    expect(value(readInt('３０'))).toBe(30);
  });

  it('refuses fractions and words', () => {
    expect(value(readInt(2.5))).toBe('ERR 须为整数（填写的是 2.5）');
    expect(value(readInt('三十'))).toBe('ERR 须为整数（填写的是“三十”）');
    expect(value(readInt('30人'))).toBe('ERR 须为整数（填写的是“30人”）');
  });
});

describe('readChoice', () => {
  const labels = { PARTY_LECTURE: '讲党课', RED_SONGS: '红色歌曲大家唱' } as const;

  it('maps the Chinese label or the code to the code', () => {
    expect(value(readChoice('讲党课', labels))).toBe('PARTY_LECTURE');
    expect(value(readChoice(' 讲 党 课 ', labels))).toBe('PARTY_LECTURE');
    expect(value(readChoice('red_songs', labels))).toBe('RED_SONGS');
  });

  it('lists the allowed labels when the value is none of them', () => {
    expect(value(readChoice('党课', labels))).toBe('ERR “党课”不是可选值，可选：讲党课、红色歌曲大家唱');
  });
});

describe('cells as exceljs gives them', () => {
  it('joins rich text, takes a formula result and a hyperlink text', () => {
    expect(rawOf({ richText: [{ text: '红色' }, { text: '歌曲' }] })).toBe('红色歌曲');
    expect(rawOf({ formula: 'A1+1', result: 31 })).toBe(31);
    expect(rawOf({ text: '链接', hyperlink: 'https://example.org' })).toBe('链接');
    expect(rawOf(undefined)).toBeNull();
  });

  it('keeps a code typed as a number as its digits', () => {
    expect(value(readText(1001))).toBe('1001');
  });

  it('refuses text the API would refuse: control characters, U+FFFE, a lone surrogate', () => {
    for (const text of ['红歌\u0001', '\u0000', 'a\uFFFEb', 'x\uD800']) {
      const read = readText(text);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.reason).toMatch(/控制字符（U\+/);
    }
    expect(value(readText('第一行\n第二行\t完'))).toBe('第一行\n第二行\t完');
  });
});

describe('headers', () => {
  it('ignores the required mark and spaces', () => {
    expect(normaliseHeader(' 活动名称 * ')).toBe('活动名称');
    expect(normaliseHeader('活动名称＊')).toBe('活动名称');
  });
});

describe('decodeUtf8', () => {
  it('decodes a character whose bytes are split between two chunks', async () => {
    const bytes = Buffer.from('学习党史', 'utf8');
    async function* chunks() {
      // 学 is three bytes: cut after its second.
      yield bytes.subarray(0, 2);
      yield bytes.subarray(2, 7);
      yield bytes.subarray(7);
    }
    let text = '';
    for await (const part of decodeUtf8(chunks())) text += part;
    expect(text).toBe('学习党史');
  });
});

describe('cellHasTime', () => {
  it('says a cell with a time of day has one', () => {
    for (const raw of ['2026-05-20 14:30', '2026年5月20日 14时30分', '2026/5/20 9:05:10']) {
      expect(cellHasTime(raw), raw).toBe(true);
    }
    expect(cellHasTime(new Date(Date.UTC(2026, 4, 20, 14, 30)))).toBe(true);
    expect(cellHasTime(46162.6)).toBe(true);
  });

  it('says a date-only cell has none, in text, as an Excel date and as a serial', () => {
    for (const raw of ['2026-05-20', '2026/5/20', '2026年5月20日', '2026.5.20']) {
      expect(cellHasTime(raw), raw).toBe(false);
    }
    expect(cellHasTime(new Date(Date.UTC(2026, 4, 20)))).toBe(false);
    expect(cellHasTime(46162)).toBe(false);
    expect(cellHasTime(null)).toBe(false);
  });
});
