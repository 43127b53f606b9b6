import {
  ACTIVITY_PARTICIPANTS_MAX,
  ACTIVITY_TITLE_MAX,
  CreateActivityInputSchema,
} from '@dutyboard/contracts/activities';
import { CreateAssignmentInputSchema, RULE_MIN_MAX } from '@dutyboard/contracts/assignments';
import { CreateOrgInputSchema, ORG_CODE_PATTERN } from '@dutyboard/contracts/orgs';
import { CreatePublicityInputSchema, PUBLICITY_URL_MAX } from '@dutyboard/contracts/publicity';
import { CreateRiskPointInputSchema, RISK_CHECK_INTERVAL_MAX } from '@dutyboard/contracts/risk-points';
import { CreateUserInputSchema, PASSWORD_MIN, USERNAME_MIN } from '@dutyboard/contracts/users';
import type { RuleObject } from 'antd/es/form';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLang, translate } from './i18n.ts';
import { fieldConstraints, fieldRules, fieldSpec, formFields } from './zod-rules.ts';

// The English dictionary is its own chunk (lib/i18n.ts loadLang).
beforeAll(() => loadLang('en'));

const zh = (key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]) => translate('zh', key, vars);
const en = (key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]) => translate('en', key, vars);

/** Runs one field's rules the way antd does, enough for these checks; the first failing message. */
async function firstError(rules: ReturnType<typeof fieldRules>, value: unknown): Promise<string | null> {
  for (const rule of rules as RuleObject[]) {
    if (rule.validator) {
      try {
        await rule.validator(rule, value, () => {});
      } catch (error) {
        return (error as Error).message;
      }
      continue;
    }
    const empty =
      value === undefined || value === null || value === '' || (rule.whitespace && String(value).trim() === '');
    if (rule.required && empty) return String(rule.message);
    if (empty) continue;
    if (rule.pattern && !rule.pattern.test(String(value))) return String(rule.message);
    const size = typeof value === 'number' ? value : String(value).length;
    if (rule.type === 'integer' && !Number.isInteger(value)) return String(rule.message);
    if (rule.min !== undefined && size < rule.min) return String(rule.message);
    if (rule.max !== undefined && size > rule.max) return String(rule.message);
  }
  return null;
}

describe('fieldConstraints', () => {
  it('reads required, lengths and bounds from a contract schema', () => {
    expect(fieldConstraints(CreateActivityInputSchema, 'title')).toMatchObject({
      required: true,
      type: 'string',
      choice: false,
      minLength: 1,
      maxLength: ACTIVITY_TITLE_MAX,
    });
    expect(fieldConstraints(CreateActivityInputSchema, 'participants')).toMatchObject({
      required: true,
      type: 'integer',
      minimum: 1,
      maximum: ACTIVITY_PARTICIPANTS_MAX,
    });
    // Nullable and optional: not required.
    expect(fieldConstraints(CreateActivityInputSchema, 'location')?.required).toBe(false);
    expect(fieldConstraints(CreateActivityInputSchema, 'category')).toMatchObject({ choice: true, required: true });
    expect(fieldConstraints(CreateActivityInputSchema, 'occurredAt')).toMatchObject({ choice: true, required: true });
    expect(fieldConstraints(CreateActivityInputSchema, 'nothing')).toBeNull();
  });

  it('counts a field with a default as required, reaches into nested objects, sees links and patterns', () => {
    expect(fieldConstraints(CreateRiskPointInputSchema, 'checkIntervalDays')).toMatchObject({
      required: true,
      maximum: RISK_CHECK_INTERVAL_MAX,
    });
    expect(fieldConstraints(CreateAssignmentInputSchema, 'rule.min')).toMatchObject({
      required: true,
      maximum: RULE_MIN_MAX,
    });
    expect(fieldConstraints(CreatePublicityInputSchema, 'url')).toMatchObject({
      url: true,
      maxLength: PUBLICITY_URL_MAX,
    });
    expect(fieldConstraints(CreateOrgInputSchema, 'code')?.pattern).toBe(ORG_CODE_PATTERN.source);
    expect(fieldConstraints(CreateOrgInputSchema, 'parentId')).toMatchObject({ required: false, choice: true });
  });
});

describe('fieldRules', () => {
  const title = fieldSpec(CreateActivityInputSchema, 'title', 'activity.title');

  it('follows the contract: the longest title it accepts passes, one more character fails', async () => {
    const rules = fieldRules(title, zh, 'zh');
    const longest = 'x'.repeat(ACTIVITY_TITLE_MAX);
    expect(CreateActivityInputSchema.shape.title.safeParse(longest).success).toBe(true);
    expect(await firstError(rules, longest)).toBeNull();
    expect(CreateActivityInputSchema.shape.title.safeParse(`${longest}x`).success).toBe(false);
    expect(await firstError(rules, `${longest}x`)).toBe(`活动名称不能超过 ${ACTIVITY_TITLE_MAX} 个字`);
  });

  it('refuses blank text and control characters, naming the field in the current language', async () => {
    expect(await firstError(fieldRules(title, zh, 'zh'), '   ')).toBe('请填写活动名称');
    expect(await firstError(fieldRules(title, en, 'en'), '')).toBe('Enter title');
    expect(await firstError(fieldRules(title, zh, 'zh'), 'a\u0001b')).toContain('活动名称含有无法保存的控制字符');
  });

  it('bounds numbers with the contract’s minimum and maximum', async () => {
    const spec = fieldSpec(CreateActivityInputSchema, 'participants', 'form.participants');
    const rules = fieldRules(spec, en, 'en');
    expect(await firstError(rules, 0)).toBe('participants: at least 1');
    expect(await firstError(rules, ACTIVITY_PARTICIPANTS_MAX + 1)).toBe(
      `participants: at most ${ACTIVITY_PARTICIPANTS_MAX}`,
    );
    expect(await firstError(rules, 12)).toBeNull();
  });

  it('asks for a number or a day with a rule antd does not type-check as text', () => {
    // antd checks a value is a string when a rule has any key beside `required` (and message).
    for (const field of ['participants', 'occurredAt'] as const) {
      const [required] = fieldRules(fieldSpec(CreateActivityInputSchema, field, 'form.date'), zh, 'zh') as RuleObject[];
      expect(Object.keys(required ?? {}).sort()).toEqual(['message', 'required']);
    }
  });

  it('asks to choose a choice, checks it is one of the contract’s values', async () => {
    const rules = fieldRules(fieldSpec(CreateActivityInputSchema, 'category', 'form.category'), zh, 'zh');
    expect(await firstError(rules, undefined)).toBe('请选择活动类别');
    expect(await firstError(rules, 'NOT_A_CATEGORY')).toBe('请选择活动类别');
    expect(await firstError(rules, 'OTHER')).toBeNull();
  });

  it('checks patterns, minimum lengths and links with the form’s own words', async () => {
    const users = formFields(CreateUserInputSchema, {
      username: { label: 'users.username', format: 'users.usernameFormat' },
      password: 'users.initialPassword',
    });
    expect(users.password.min).toBe(PASSWORD_MIN);
    expect(await firstError(fieldRules(users.username, zh, 'zh'), 'ab')).toBe(`用户名至少 ${USERNAME_MIN} 个字符`);
    expect(await firstError(fieldRules(users.username, zh, 'zh'), 'a b c')).toBe(zh('users.usernameFormat'));
    const url = fieldSpec(CreatePublicityInputSchema, 'url', {
      label: 'publicity.field.url',
      format: 'publicity.urlFormat',
    });
    const rules = fieldRules(url, zh, 'zh');
    expect(url.required).toBe(false);
    expect(await firstError(rules, '')).toBeNull();
    expect(await firstError(rules, 'javascript:alert(1)')).toBe(zh('publicity.urlFormat'));
    expect(await firstError(rules, ' https://example.com/a ')).toBeNull();
  });

  it('lets the place a field is shown require it where a refinement does', async () => {
    const area = fieldSpec(CreateAssignmentInputSchema, 'area', 'assignments.formArea');
    expect(area.required).toBe(false);
    expect(await firstError(fieldRules(area, zh, 'zh', { required: true }), ' ')).toBe('请填写分管领域');
  });
});
