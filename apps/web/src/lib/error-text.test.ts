import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from './api-client.ts';
import { errorText } from './error-text.ts';
import { type Lang, loadLang, type MessageKey, translate } from './i18n.ts';

// The English dictionary is its own chunk (lib/i18n.ts loadLang).
beforeAll(() => loadLang('en'));

const say = (lang: Lang) => (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);

describe('errorText', () => {
  it('says a keyed error in English from its key and parameters', () => {
    const error = new ApiError(
      409,
      'INVALID_TRANSITION',
      '这条舆情当前处于“登记”环节，不能“办结”；下一步只能是：研判',
      [],
      'alert.badTransition',
      {
        from: 'REGISTERED',
        to: 'CLOSED',
        allowed: ['ASSESSED'],
      },
    );
    expect(errorText(error, 'en', say('en'))).toBe(
      'This alert is at the “Register” step and cannot “Close”; the next step can only be: Assess',
    );
    expect(errorText(error, 'zh', say('zh'))).toBe(error.message);
  });

  it('names the missing record kind in English', () => {
    const error = new ApiError(404, 'NOT_FOUND', '活动不存在或无权访问', [], 'record.notFound', { thing: 'Activity' });
    expect(errorText(error, 'en', say('en'))).toBe('Activity not found, or you may not see it');
  });

  it('falls back to the server’s words in Chinese and the code’s text in English without a key', () => {
    const error = new ApiError(409, 'CONFLICT', '与现有数据冲突了');
    expect(errorText(error, 'zh', say('zh'))).toBe('与现有数据冲突了');
    expect(errorText(error, 'en', say('en'))).toBe(translate('en', 'error.CONFLICT'));
  });

  it('falls back likewise for a key this client does not know', () => {
    const error = new ApiError(409, 'CONFLICT', '新的句子', [], 'some.newerKey', {});
    expect(errorText(error, 'zh', say('zh'))).toBe('新的句子');
    expect(errorText(error, 'en', say('en'))).toBe(translate('en', 'error.CONFLICT'));
  });
});
