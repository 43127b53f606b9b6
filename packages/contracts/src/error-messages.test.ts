import { describe, expect, it } from 'vitest';
import {
  ERROR_MESSAGES,
  type ErrorMessage,
  type ErrorMessageKey,
  fieldMessageOfIssue,
  type MessageSpec,
  placeholdersOf,
  renderErrorMessage,
  zhMessage,
} from './error-messages.ts';

const entries = Object.entries(ERROR_MESSAGES) as [ErrorMessageKey, MessageSpec][];
const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

describe('the error message catalogue', () => {
  it('gives every key a non-empty Chinese and English text', () => {
    const empty = entries.filter(([, m]) => !m.zh.trim() || !m.en.trim()).map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in Chinese and English', () => {
    const differing = entries
      .filter(([, m]) => sorted(placeholdersOf(m.zh)).join() !== sorted(placeholdersOf(m.en)).join())
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('declares a type for exactly the placeholders each text uses', () => {
    const differing = entries
      .filter(([, m]) => sorted(placeholdersOf(m.zh)).join() !== sorted(Object.keys(m.params ?? {})).join())
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('types each key’s parameters (a wrong or missing one does not compile)', () => {
    const ok: ErrorMessage[] = [
      { key: 'record.notFound', params: { thing: 'Activity' } },
      { key: 'alert.badTransition', params: { from: 'REGISTERED', to: 'CLOSED', allowed: ['ASSESSED'] } },
      { key: 'import.tooLarge', params: { mb: 20 } },
      { key: 'user.nameTaken' },
    ];
    // @ts-expect-error: not a record kind
    const badEnum: ErrorMessage = { key: 'record.notFound', params: { thing: 'Nothing' } };
    // @ts-expect-error: a number, not text
    const badType: ErrorMessage = { key: 'import.tooLarge', params: { mb: '20' } };
    // @ts-expect-error: its parameter is missing
    const missing: ErrorMessage = { key: 'alert.deleteOnlyRegistered' };
    expect([...ok, badEnum, badType, missing]).toHaveLength(7);
  });

  it('says enum values through their label tables, in the language rendered', () => {
    const said: ErrorMessage = {
      key: 'alert.badTransition',
      params: { from: 'REGISTERED', to: 'CLOSED', allowed: ['ASSESSED', 'HANDLING'] },
    };
    expect(zhMessage(said)).toBe('这条舆情当前处于“登记”环节，不能“办结”；下一步只能是：研判、处置');
    expect(renderErrorMessage(said.key, said.params, 'en')).toBe(
      'This alert is at the “Register” step and cannot “Close”; the next step can only be: Assess, Handle',
    );
    expect(zhMessage({ key: 'record.notFound', params: { thing: 'StudySession' } })).toBe(
      '学习研讨记录不存在或无权访问',
    );
    expect(renderErrorMessage('record.notFound', { thing: 'StudySession' }, 'en')).toBe(
      'Study session not found, or you may not see it',
    );
  });

  it('renders the Chinese sentences the API wrote before, byte for byte', () => {
    const before: [ErrorMessage, string][] = [
      [{ key: 'record.notFound', params: { thing: 'Record' } }, '记录不存在或无权访问'],
      [
        { key: 'alert.factsFrozen', params: { step: 'ASSESSED', fields: ['orgId', 'registeredAt'] } },
        '这条舆情已进入“研判”环节，所属组织、登记时间不能再直接修改；如确有错误，须由领导班子成员通过“更正”填写理由后更正',
      ],
      [{ key: 'alert.finished', params: { from: 'CLOSED', to: 'ASSESSED' } }, '这条舆情已办结，不能再“研判”'],
      [{ key: 'import.forbidden', params: { kind: 'study-sessions' } }, '没有导入学习研讨的权限'],
      [{ key: 'import.tooLarge', params: { mb: 20 } }, '文件超过 20 MB，请拆分后分批导入'],
      [
        { key: 'job.tooMany', params: { running: 2, job: 'import', limit: 2 } },
        '你已有 2 个导入正在进行（每人最多同时 2 个），请等其中一个完成后再试',
      ],
      [
        { key: 'auth.throttled', params: { who: 'account', minutes: 15, clock: '10:30' } },
        '该账号登录失败次数过多，已暂时限制登录，请在 15 分钟后（北京时间 10:30 之后）重试',
      ],
      [
        { key: 'assignment.factsFrozen', params: { fields: ['ownerId', 'rule'] } },
        '这项任务已办结，负责人、完成规则已计入统计，不能再修改',
      ],
    ];
    for (const [said, text] of before) expect(zhMessage(said)).toBe(text);
    // The illegal-character field issue, said without its field as the server does.
    expect(renderErrorMessage('field.illegalCharacter', { field: '', character: 'U+0000' }, 'zh')).toBe(
      '含有无法保存的控制字符（U+0000），请删除后重新提交（从其他软件复制的文字有时会带上它）',
    );
  });

  it('shows an unknown enum value as its code and leaves a missing parameter in place', () => {
    expect(renderErrorMessage('record.notFound', { thing: 'Spaceship' }, 'en')).toBe(
      'Spaceship not found, or you may not see it',
    );
    expect(renderErrorMessage('import.tooLarge', {}, 'zh')).toBe('文件超过 {mb} MB，请拆分后分批导入');
  });

  it('keys zod issues by what they report', () => {
    expect(fieldMessageOfIssue({ code: 'too_big', origin: 'string', maximum: 200 })).toEqual({
      key: 'field.tooLong',
      params: { max: 200 },
    });
    expect(fieldMessageOfIssue({ code: 'too_small', origin: 'number', minimum: 0 })).toEqual({
      key: 'field.tooSmall',
      params: { min: 0 },
    });
    expect(fieldMessageOfIssue({ code: 'too_small', origin: 'string', minimum: 1 })?.key).toBe('field.required');
    expect(fieldMessageOfIssue({ code: 'invalid_type' })?.key).toBe('field.required');
    expect(fieldMessageOfIssue({ code: 'custom' })).toBeUndefined();
  });
});
