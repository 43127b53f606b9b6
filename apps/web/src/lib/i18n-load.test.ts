import { describe, expect, it } from 'vitest';
import { loadLang, translate } from './i18n.ts';

describe('loading a language', () => {
  it('answers in Chinese until the English dictionary is loaded, then in English', async () => {
    expect(translate('en', 'common.retry')).toBe(translate('zh', 'common.retry'));
    await loadLang('en');
    expect(translate('en', 'common.retry')).toBe('Retry');
    expect(translate('zh', 'common.retry')).toBe('重试');
  });
});
