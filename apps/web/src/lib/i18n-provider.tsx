// The current UI language as React state: Chinese unless the user chose English (remembered in
// localStorage). Switching also switches dayjs (date pickers) and the document's lang/title, once
// the language's dictionary is in (English is its own chunk: lib/i18n.ts loadLang).
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, use, useCallback, useEffect, useMemo, useState } from 'react';
import { LANGS, type Lang, loadLang, type Translate, translate } from './i18n.ts';
import { type EnumLabel, enumLabel } from './labels.ts';

const STORAGE_KEY = 'dutyboard.lang';

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** An enum value's label from the contracts' tables: `nameOf(ALERT_STATE_LABELS, state)`. */
  nameOf: EnumLabel;
}

const I18nContext = createContext<I18nValue | null>(null);

function storedLang(): Lang {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return LANGS.includes(value as Lang) ? (value as Lang) : 'zh';
  } catch {
    return 'zh';
  }
}

/** The remembered language's dictionary, for main.tsx to await before the first render (a
 * Chinese visit has it already; an English one would otherwise paint Chinese first). */
export function loadStoredLang(): Promise<void> {
  return loadLang(storedLang());
}

function applyDayjsLocale(lang: Lang) {
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = storedLang();
    applyDayjsLocale(initial);
    return initial;
  });

  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode or storage full: the choice lasts for this page only.
    }
    // A dictionary that fails to load leaves the page in the language it has.
    loadLang(next).then(
      () => {
        applyDayjsLocale(next);
        setLangState(next);
      },
      () => undefined,
    );
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = translate(lang, 'app.title');
  }, [lang]);

  const value = useMemo<I18nValue>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      nameOf: (table, value) => enumLabel(table, value, lang),
    }),
    [lang, setLang],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18nValue {
  const value = use(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
