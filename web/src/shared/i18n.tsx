import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** A message file: flat keys (e.g. "report.submit") to texts with {placeholders}. */
export type Messages = Record<string, string>;
export type Locale = 'zh-CN' | 'en';
export interface Bilingual {
  zh: string;
  en: string;
}

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** the text of a key in the current language, with {name} placeholders filled */
  t(key: string, vars?: Record<string, string | number>): string;
  /** the current language's side of a {zh, en} pair the API sent */
  pick(text: Bilingual | undefined | null): string;
}

const STORAGE_KEY = 'qingyuan.locale';
const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  // Chinese first: English only when the user chose it.
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

/** A tiny i18n: every string lives in the message files; no library, so the public page stays small. */
export function I18nProvider({ catalogs, children }: { catalogs: Record<Locale, Messages>; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const messages = catalogs[locale];
    return {
      locale,
      setLocale,
      t(key, vars) {
        const text = messages[key] ?? catalogs['zh-CN'][key];
        if (text === undefined) {
          if (import.meta.env.DEV) console.warn(`missing message ${key}`);
          return key;
        }
        return vars ? text.replace(/\{(\w+)\}/g, (all, name: string) => (name in vars ? String(vars[name]) : all)) : text;
      },
      pick(text) {
        if (!text) return '';
        return locale === 'en' ? text.en : text.zh;
      },
    };
  }, [catalogs, locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
