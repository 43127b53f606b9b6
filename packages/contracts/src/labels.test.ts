import { describe, expect, it } from 'vitest';
import { FIGURE_KEYS, FIGURES } from './figures.ts';
import {
  ALERT_FIELD_LABELS,
  ENUM_LABEL_TABLES,
  FIGURE_PART_LABELS,
  figurePartLabel,
  labelOf,
  PACE_STATUS_LABELS,
  zhLabels,
} from './labels.ts';

describe('the label tables', () => {
  it('give every enum value a non-empty Chinese and English label', () => {
    const missing = ENUM_LABEL_TABLES.flatMap(({ name, values, table }) =>
      values
        .filter((v) => !Object.hasOwn(table, v) || !table[v]?.zh.trim() || !table[v]?.en.trim())
        .map((v) => `${name}.${v}`),
    );
    expect(missing).toEqual([]);
  });

  it('label no value the enum does not have', () => {
    const extra = ENUM_LABEL_TABLES.flatMap(({ name, values, table }) =>
      Object.keys(table)
        .filter((k) => !values.includes(k))
        .map((k) => `${name}.${k}`),
    );
    expect(extra).toEqual([]);
  });

  it('name no two values of one enum alike (a reader could not tell them apart)', () => {
    const clashes = ENUM_LABEL_TABLES.flatMap(({ name, table }) =>
      (['zh', 'en'] as const).flatMap((lang) => {
        const words = Object.values(table).map((l) => l[lang]);
        return words.filter((w, i) => words.indexOf(w) !== i).map((w) => `${name}.${lang}: ${w}`);
      }),
    );
    expect(clashes).toEqual([]);
  });

  it('give every figure a non-empty Chinese and English name', () => {
    const missing = FIGURE_KEYS.filter((k) => !FIGURES[k].label.zh.trim() || !FIGURES[k].label.en.trim());
    expect(missing).toEqual([]);
    expect(Object.values(ALERT_FIELD_LABELS).every((l) => l.zh.trim() && l.en.trim())).toBe(true);
  });

  it('name every part a figure is broken down by, and only those', () => {
    const missing = FIGURE_KEYS.flatMap((k) => {
      const def = FIGURES[k];
      const keys: readonly string[] = 'breakdown' in def ? def.breakdown.keys : [];
      return keys.filter((key) => figurePartLabel(k, key, 'zh') === key).map((key) => `${k}.${key}`);
    });
    expect(missing).toEqual([]);
    const unused = Object.keys(FIGURE_PART_LABELS).filter((k) => !('breakdown' in FIGURES[k as keyof typeof FIGURES]));
    expect(unused).toEqual([]);
    expect(figurePartLabel('SEMINAR', 'IDEOLOGY', 'zh')).toBe('意识形态工作专题研讨会');
    expect(figurePartLabel('ACTIVITY', 'SOMETHING_NEW', 'en')).toBe('SOMETHING_NEW');
  });

  it('reads one language, the code for a value it does not know, and the Chinese column', () => {
    expect(labelOf(PACE_STATUS_LABELS, 'GREEN', 'zh')).toBe('进度正常');
    expect(labelOf(PACE_STATUS_LABELS, 'RED', 'en')).toBe('Well behind');
    expect(labelOf(PACE_STATUS_LABELS, 'PURPLE' as 'RED', 'en')).toBe('PURPLE');
    expect(zhLabels(PACE_STATUS_LABELS)).toEqual({ GREEN: '进度正常', AMBER: '略有滞后', RED: '明显滞后' });
  });
});
