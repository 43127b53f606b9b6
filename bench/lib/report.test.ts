import { describe, expect, it } from 'vitest';
import { figureText, formatNumber, renderReport, renderTable, targetMet, verdict } from './report.ts';

describe('verdict', () => {
  it('says by how much an upper bound is met or missed', () => {
    expect(verdict(18, 'ms', { bound: '≤', value: 30 })).toBe('✔ 12.0 ms under');
    expect(verdict(38, 'ms', { bound: '≤', value: 30 })).toBe('✘ over by 8.00 ms (+27%)');
    expect(verdict(30, 'ms', { bound: '≤', value: 30 })).toBe('✔ 0.00 ms under');
    expect(verdict(1.95, '×', { bound: '≤', value: 1.3 })).toBe('✘ over by 0.65× (+50%)');
  });

  it('says by how much a lower bound is met or missed', () => {
    expect(verdict(2300, 'req/s', { bound: '≥', value: 2000 })).toBe('✔ 300 req/s above');
    expect(verdict(1200, 'req/s', { bound: '≥', value: 2000 })).toBe('✘ short by 800 req/s (−40%)');
  });

  it('shows a dash when there is no figure or no target', () => {
    expect(verdict(null, 'ms', { bound: '≤', value: 30 })).toBe('—');
    expect(verdict(Number.NaN, 'ms', { bound: '≤', value: 30 })).toBe('—');
    expect(verdict(12, 'ms', undefined)).toBe('—');
  });

  it('judges the bound inclusively', () => {
    expect(targetMet(30, { bound: '≤', value: 30 })).toBe(true);
    expect(targetMet(30.01, { bound: '≤', value: 30 })).toBe(false);
    expect(targetMet(2000, { bound: '≥', value: 2000 })).toBe(true);
    expect(targetMet(1999, { bound: '≥', value: 2000 })).toBe(false);
  });
});

describe('the table', () => {
  it('formats figures with 3 significant digits for small values and whole numbers for large ones', () => {
    expect(formatNumber(4.2468, 'ms')).toBe('4.25');
    expect(formatNumber(42.468, 'ms')).toBe('42.5');
    expect(formatNumber(424.68, 'ms')).toBe('425');
    expect(formatNumber(2345.6, 'req/s')).toBe('2346');
    expect(formatNumber(1.234, '×')).toBe('1.23');
  });

  it('names why a figure is missing in its place', () => {
    expect(figureText({ measure: 'm', value: null, unit: 'ms', missing: 'floor.ts not written yet' })).toBe(
      '— (floor.ts not written yet)',
    );
    expect(figureText({ measure: 'm', value: 4.2, unit: 'ms', detail: 'p50 3.1' })).toBe('4.20 ms  (p50 3.1)');
  });

  it('pads columns to the widest cell, counting Chinese characters as two columns', () => {
    const lines = renderTable(
      ['a', 'b'],
      [
        ['街道', 'x'],
        ['abcde', 'y'],
      ],
    ).split('\n');
    expect(lines).toEqual(['a     │ b', '──────┼──', '街道  │ x', 'abcde │ y']);
  });

  it('prints one row per measure with its target and verdict', () => {
    const out = renderReport([
      { measure: 'dashboard p95', value: 12, unit: 'ms', target: { bound: '≤', value: 30 } },
      { measure: 'creates', value: 1500, unit: 'req/s', target: { bound: '≥', value: 2000 } },
    ]);
    const [header, rule, first, second] = out.split('\n');
    expect(header).toMatch(/^measure\s+│ figure\s+│ target\s+│ met\?$/);
    expect(rule).toMatch(/^─+┼─+┼─+┼─+$/);
    expect(first).toMatch(/^dashboard p95 │ 12\.0 ms\s+│ ≤ 30\.0 ms\s+│ ✔ 18\.0 ms under$/);
    expect(second).toMatch(/^creates\s+│ 1500 req\/s │ ≥ 2000 req\/s │ ✘ short by 500 req\/s \(−25%\)$/);
  });
});
