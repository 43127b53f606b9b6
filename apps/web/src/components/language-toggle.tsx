import { Button } from 'antd';
import { useI18n } from '../lib/i18n-provider.tsx';

/** Switches between Chinese and English; the label names the language it switches to. */
export function LanguageToggle() {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      data-testid="lang-toggle"
      aria-label={t('header.switchLanguage')}
      title={t('header.switchLanguage')}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      {t('header.otherLanguage')}
    </Button>
  );
}
