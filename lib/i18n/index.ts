import { en, type MessageKey } from './en';

export type { MessageKey };
export type Locale = 'en';
export const DEFAULT_LOCALE: Locale = 'en';

const catalogues: Record<Locale, Record<MessageKey, string>> = { en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export type MessageVars = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const template = catalogues[locale][key] ?? en[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : match,
  );
}

const intlLocale: Record<Locale, string> = { en: 'en-IN' };

/** ₹25,000 / ₹1,00,000 — Indian grouping, paise only when present. */
export function formatInr(amount: number, locale: Locale = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(intlLocale[locale], {
    style: 'currency',
    currency: 'INR',
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  }).format(amount);
}

/** 98765 43210: the way agents read numbers aloud. */
export function formatMobile(mobile: string): string {
  return /^\d{10}$/.test(mobile) ? `${mobile.slice(0, 5)} ${mobile.slice(5)}` : mobile;
}
