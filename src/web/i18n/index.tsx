import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { id as baseId } from './id';
import { en as baseEn } from './en';
import { pwsId } from './pws.id';
import { pwsEn } from './pws.en';
import type { Locale } from '../../core/i18n/messages';
import { setApiLanguage } from '../api/client';

export type { Locale };

// The PWS/SPM dashboards' texts (pws.*.ts) join the base catalogues here.
const id = { ...baseId, ...pwsId };
const en = { ...baseEn, ...pwsEn };
export type MessageKey = keyof typeof id;
export type Params = Record<string, string | number>;

const CATALOGS: Record<Locale, Record<MessageKey, string>> = { id, en };
const STORAGE_KEY = 'siklus.locale';

function storedLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' || v === 'id' ? v : 'id';
  } catch {
    return 'id';
  }
}

export function hasStoredLocale(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== null;
  } catch {
    return false;
  }
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = CATALOGS[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

interface I18n {
  locale: Locale;
  setLocale(l: Locale): void;
  t(key: MessageKey, params?: Params): string;
  /** Picks the locale's text from a core label ({ id, en }). */
  label(l: { id: string; en: string } | undefined | null): string;
  number(n: number | null | undefined): string;
  /** "12 Mar 2024" for an ISO date. */
  date(iso: string | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);

  setApiLanguage(locale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* private mode: keep it for this session only */
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const tag = locale === 'id' ? 'id-ID' : 'en-GB';
    const nf = new Intl.NumberFormat(tag);
    const df = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    const dtf = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    return {
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      label: (l) => (l ? l[locale] : ''),
      number: (n) => (n === null || n === undefined ? '–' : nf.format(n)),
      date: (iso) => {
        if (!iso) return '–';
        const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
        return Number.isNaN(d.getTime()) ? iso : df.format(d);
      },
      dateTime: (iso) => {
        if (!iso) return '–';
        const d = new Date(iso);
        return Number.isNaN(d.getTime()) ? iso : dtf.format(d);
      },
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
