import { ACTIVITY_SORTS } from '@dutyboard/contracts/activities';
import { ERROR_CODES } from '@dutyboard/contracts/errors';
import { PACE_STATUS_LABELS, ROLE_LABELS } from '@dutyboard/contracts/labels';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLang, type MessageKey, placeholders, translate, zh } from './i18n.ts';
import { en } from './i18n-en.ts';
import { enumLabel, figureLabel } from './labels.ts';

// The English dictionary is its own chunk (lib/i18n.ts loadLang).
beforeAll(() => loadLang('en'));

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

  it('labels every sort and error code', () => {
    const needed = [...ACTIVITY_SORTS.map((s) => `sort.${s}`), ...ERROR_CODES.map((c) => `error.${c}`)];
    expect(needed.filter((key) => !Object.hasOwn(zh, key))).toEqual([]);
  });

  it('holds no enum value of its own: enums are the contracts’ words, not keys', () => {
    // The prefixes the enum values had before they moved to contracts/labels.ts.
    const moved = [
      'category',
      ...['role', 'orgKind', 'pace', 'plan.metric', 'plan.per', 'dashboard.metric', 'dashboard.part', 'records.kind'],
      ...['studySessions.kind', 'studySessions.topic', 'studySessions.topicGroup', 'publicity.level'],
      ...['riskPoints.type', 'riskPoints.level', 'riskPoints.status', 'riskPoints.result'],
      ...['riskAlerts.level', 'riskAlerts.state', 'rectifications.source', 'rectifications.status'],
      ...['rectifications.alertState', 'assignments.kind', 'assignments.status', 'imports.kind', 'imports.state'],
      'evidencePacks.state',
    ];
    const enumKeys = Object.keys(zh).filter((key) => moved.includes(key.slice(0, key.lastIndexOf('.'))));
    expect(enumKeys).toEqual([]);
  });

  it('reads enum values from the contracts’ tables in either language', () => {
    expect(enumLabel(PACE_STATUS_LABELS, 'GREEN', 'zh')).toBe('进度正常');
    expect(enumLabel(ROLE_LABELS, 'AUDITOR', 'en')).toBe('Auditor');
    expect(figureLabel('RECTIFICATION_OPEN', 'zh')).toBe('未完成整改');
    expect(figureLabel('ASSIGNMENT_OVERDUE', 'en')).toBe('Responsibility items overdue');
    expect(en['riskAlerts.field.channel']).toBe('Platform');
    expect(zh['riskAlerts.field.channel']).toBe('发布平台');
  });

  it('fills placeholders', () => {
    expect(translate('zh', 'kpi.expected', { expected: 57 })).toBe('按计划今日应完成 57 次');
    expect(translate('en', 'period.H2', { year: 2026 })).toBe('2026 H2 (Jul–Dec)');
  });
});
