import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider, App as AntApp, theme } from 'antd';
import zh_CN from 'antd/es/locale/zh_CN.js';
import en_US from 'antd/es/locale/en_US.js';
import { enUS } from './en-US.ts';
import { pickLocale, translate, type Locale } from './translate.ts';
import { zhCN, type MessageKey } from './zh-CN.ts';

const STORAGE_KEY = 'lingxi.locale';
const dictionaries = { 'zh-CN': zhCN, 'en-US': enUS } as const;
// antd's es/ files are ESM without "type": "module", so TypeScript (NodeNext) sees them as CommonJS.
type AntdLocale = NonNullable<Parameters<typeof ConfigProvider>[0]['locale']>;
const esDefault = (mod: unknown): AntdLocale => ((mod as { default?: AntdLocale }).default ?? mod) as AntdLocale;
const antdLocales = { 'zh-CN': esDefault(zh_CN), 'en-US': esDefault(en_US) } as const;

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;
type I18nValue = {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
  /** Looks up a key built at run time (an error code, an audit action) with a fallback when it is unknown. */
  tryT(key: string, fallback: string, vars?: Record<string, string | number>): string;
  formatDateTime(iso: string | null | undefined): string;
};

const I18nContext = createContext<I18nValue | null>(null);

function savedLocale(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => pickLocale(savedLocale(), navigator.languages ?? [navigator.language]));
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = locale === 'zh-CN' ? '灵犀 · 客服工作台' : 'Lingxi · Console';
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered when storage is off; still switches now
    }
    setLocaleState(next);
  }, []);
  const value = useMemo<I18nValue>(() => {
    const dateTime = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
    return {
      locale,
      setLocale,
      t: (key, vars) => translate(dictionaries, locale, key, vars),
      tryT: (key, fallback, vars) => (key in zhCN ? translate(dictionaries, locale, key, vars) : fallback),
      formatDateTime: (iso) => (iso ? dateTime.format(new Date(iso)) : '—'),
    };
  }, [locale, setLocale]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={antdLocales[locale]} theme={{ algorithm: theme.defaultAlgorithm, token: { colorPrimary: '#1668dc', borderRadius: 6, fontSize: 14 } }} componentSize="middle">
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
