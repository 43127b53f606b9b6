import { ACTIVITY_CATEGORIES, ACTIVITY_SORTS } from '@dutyboard/contracts/activities';
import { ERROR_CODES } from '@dutyboard/contracts/errors';
import { ORG_KINDS } from '@dutyboard/contracts/orgs';
import { ROLES } from '@dutyboard/contracts/permissions';
import { describe, expect, it } from 'vitest';
import { en, type MessageKey, placeholders, translate, zh } from './i18n.ts';

describe('i18n dictionaries', () => {
  it('English has every key the Chinese source has', () => {
    const missing = Object.keys(zh).filter((key) => !Object.hasOwn(en, key));
    expect(missing).toEqual([]);
  });

  it('English has no key the Chinese source lacks', () => {
    const extra = Object.keys(en).filter((key) => !Object.hasOwn(zh, key));
    expect(extra).toEqual([]);
  });

  it('no message is empty', () => {
    const empty = [...Object.entries(zh), ...Object.entries(en)].filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('both languages use the same placeholders in each message', () => {
    const differing = (Object.keys(zh) as MessageKey[]).filter(
      (key) => placeholders(zh[key]).join() !== placeholders(en[key] ?? '').join(),
    );
    expect(differing).toEqual([]);
  });

  it('labels every category, role, org kind, pace status, sort and error code', () => {
    const needed = [
      ...ACTIVITY_CATEGORIES.map((c) => `category.${c}`),
      ...ROLES.map((r) => `role.${r}`),
      ...ORG_KINDS.map((k) => `orgKind.${k}`),
      ...['GREEN', 'AMBER', 'RED'].map((s) => `pace.${s}`),
      ...ACTIVITY_SORTS.map((s) => `sort.${s}`),
      ...ERROR_CODES.map((c) => `error.${c}`),
    ];
    expect(needed.filter((key) => !Object.hasOwn(zh, key))).toEqual([]);
  });

  it('fills placeholders', () => {
    expect(translate('zh', 'kpi.expected', { expected: 57 })).toBe('按计划今日应完成 57 次');
    expect(translate('en', 'period.H2', { year: 2026 })).toBe('2026 H2 (Jul–Dec)');
  });
});
