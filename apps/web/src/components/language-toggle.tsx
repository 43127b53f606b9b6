import { Button } from 'antd';
import { useI18n } from '../lib/i18n-provider.tsx';

/**
 * Switches between Chinese and English. It shows the language it switches to, in that language
 * ("EN", "中文"); its accessible name starts with those same letters (WCAG 2.5.3, label in name),
 * so a voice user can say what they see, and goes on to say what it does.
 */
export function LanguageToggle() {
  const { lang, setLang, t } = useI18n();
  const shown = t('header.otherLanguage');
  return (
    <Button
      data-testid="lang-toggle"
      aria-label={`${shown} · ${t('header.switchLanguage')}`}
      title={t('header.switchLanguage')}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      <span lang={lang === 'zh' ? 'en' : 'zh-CN'}>{shown}</span>
    </Button>
  );
}
