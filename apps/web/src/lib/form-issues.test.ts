import { beforeAll, describe, expect, it } from 'vitest';
import { type FieldSpec, fieldIssueText } from './form-issues.ts';
import { type Lang, loadLang, type MessageKey, translate } from './i18n.ts';

// The English dictionary is its own chunk (lib/i18n.ts loadLang).
beforeAll(() => loadLang('en'));

const say = (lang: Lang) => (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
const password: FieldSpec = {
  label: 'users.initialPassword',
  min: 12,
  max: 256,
  custom: 'users.passwordSameAsUsername',
};
const username: FieldSpec = { label: 'users.username', min: 3, max: 64, format: 'users.usernameFormat' };
const org: FieldSpec = { label: 'users.org', choose: true };
const order: FieldSpec = { label: 'orgs.sortOrder', number: true, min: 0, max: 100_000 };

describe('fieldIssueText', () => {
  it('says a too-short password with its minimum length', () => {
    const issue = { field: 'password', code: 'too_small', message: '数值过小' };
    expect(fieldIssueText(password, issue, say('zh'), 'zh')).toBe('初始密码至少 12 个字符');
    expect(fieldIssueText(password, issue, say('en'), 'en')).toBe('initial password: at least 12 characters');
  });

  it('shows the schema words for a cross-field rule in Chinese and its own text in English', () => {
    const issue = { field: 'password', code: 'custom', message: '密码不能与用户名相同' };
    expect(fieldIssueText(password, issue, say('zh'), 'zh')).toBe('密码不能与用户名相同');
    expect(fieldIssueText(password, issue, say('en'), 'en')).toBe('The password must not be the same as the username');
  });

  it('names the allowed characters when a pattern fails', () => {
    const issue = { field: 'username', code: 'invalid_format', message: '无效字符串' };
    expect(fieldIssueText(username, issue, say('zh'), 'zh')).toContain('只能包含字母');
  });

  it('asks to choose a missing pick-list value', () => {
    const issue = { field: 'orgId', code: 'invalid_type', message: '无效输入' };
    expect(fieldIssueText(org, issue, say('zh'), 'zh')).toBe('请选择所属组织');
  });

  it('gives number bounds as values', () => {
    const issue = { field: 'sortOrder', code: 'too_big', message: '数值过大' };
    expect(fieldIssueText(order, issue, say('zh'), 'zh')).toBe('排序不能大于 100000');
  });

  it('says a refused control character in the user\u2019s language, naming the field', () => {
    const issue = { field: 'username', code: 'illegal_character', message: '含有无法保存的控制字符（U+0001）' };
    expect(fieldIssueText(username, issue, say('zh'), 'zh')).toBe(issue.message);
    expect(fieldIssueText(username, issue, say('en'), 'en')).toMatch(/^username contains a control character/);
  });
});

describe('fieldIssueText with a keyed issue from the server', () => {
  it('words a too-long value from the server’s maximum, with the field’s label', () => {
    const issue = { field: 'username', code: 'too_big', message: '太大', key: 'field.tooLong', params: { max: 64 } };
    expect(fieldIssueText(username, issue, say('zh'), 'zh')).toBe('用户名不能超过 64 个字');
    expect(fieldIssueText(username, issue, say('en'), 'en')).toBe('username: at most 64 characters');
  });

  it('asks to choose a missing pick-list value', () => {
    const issue = { field: 'orgId', code: 'invalid_type', message: '无效输入', key: 'field.required', params: {} };
    expect(fieldIssueText(org, issue, say('en'), 'en')).toBe('Choose organisation');
  });

  it('says a refused control character with its code point in English', () => {
    const issue = {
      field: 'username',
      code: 'illegal_character',
      message: '含有无法保存的控制字符（U+0001），请删除后重新提交（从其他软件复制的文字有时会带上它）',
      key: 'field.illegalCharacter',
      params: { character: 'U+0001' },
    };
    expect(fieldIssueText(username, issue, say('en'), 'en')).toMatch(
      /^username contains a control character \(U\+0001\)/,
    );
  });

  it('says a keyed rule of the server in English', () => {
    const issue = {
      field: 'username',
      code: 'taken',
      message: '用户名已存在，请换一个',
      key: 'user.nameTaken',
      params: {},
    };
    expect(fieldIssueText(username, issue, say('zh'), 'zh')).toBe('用户名已存在，请换一个');
    expect(fieldIssueText(username, issue, say('en'), 'en')).toBe('This username is taken; choose another');
  });
});
