/**
 * Vietnamese first, English on request: the shell's texts (app-text.ts) and each feature's own
 * (featureTexts below), the choice kept in localStorage. Dates and numbers always use the Vietnamese formats (dd/MM/yyyy, 1.234,5), which is
 * how the programme's documents write them, whichever language the screens are in.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, vi, type MessageKey } from './app-text.ts';

export type { MessageKey } from './app-text.ts';

export type Locale = 'vi' | 'en';
const STORAGE_KEY = 'ocop.locale';

export function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

const dateFormat = new Intl.DateTimeFormat('vi-VN', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'Asia/Ho_Chi_Minh',
});
const timeFormat = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Ho_Chi_Minh' });
const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number') {
    // A calendar date 'YYYY-MM-DD' is a day, not an instant: read it at noon so no time zone shifts it.
    const date = new Date(typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00+07:00` : value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

/** dd/MM/yyyy */
export function formatDate(value: unknown): string {
  const date = toDate(value);
  return date ? dateFormat.format(date) : '';
}

/** dd/MM/yyyy HH:mm (Vietnam time) */
export function formatDateTime(value: unknown): string {
  const date = toDate(value);
  return date ? `${dateFormat.format(date)} ${timeFormat.format(date)}` : '';
}

/** HH:mm (Vietnam time) */
export function formatTime(value: unknown): string {
  const date = toDate(value);
  return date ? timeFormat.format(date) : '';
}

/** 1.234,5 */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
    setLocaleState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18n>(() => {
    const dictionary: Record<MessageKey, string> = locale === 'en' ? en : vi;
    const t: Translate = (key, params) => {
      let text: string = dictionary[key] ?? vi[key] ?? key;
      if (params) for (const [name, param] of Object.entries(params)) text = text.replaceAll(`{${name}}`, String(param));
      return text;
    };
    return { locale, setLocale, t };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/**
 * A feature's own texts, kept beside its screens (features/<name>/<name>-text.ts): Vietnamese first,
 * English with every key (the type checks it); the language is the shared choice above. Returns
 * the feature's hook, whose `text(key, params)` also reads the shell's shared texts (common, roles).
 */
export function featureTexts<K extends string>(vi: Record<K, string>, en: Record<K, string>) {
  return function useFeatureText(): (key: K | MessageKey, params?: Record<string, string | number>) => string {
    const { locale, t } = useI18n();
    const dictionary: Record<string, string> = locale === 'en' ? en : vi;
    return (key, params) => {
      const own = dictionary[key] ?? (vi as Record<string, string>)[key];
      if (own === undefined) return t(key as MessageKey, params);
      let text = own;
      if (params) for (const [name, value] of Object.entries(params)) text = text.replaceAll(`{${name}}`, String(value));
      return text;
    };
  };
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
