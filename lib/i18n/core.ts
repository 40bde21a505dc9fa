import type { MessageKey } from './en';

// Everything about languages except the catalogues themselves. Client components import from
// here: the browser gets only its own language's catalogue, from the server (I18nProvider), so
// en.ts and hi.ts must never be reached from client code except as types.

export type { MessageKey };
export type Locale = 'en' | 'hi';
export const LOCALES: readonly Locale[] = ['en', 'hi'];
export const DEFAULT_LOCALE: Locale = 'en';
/** The agent's language choice, remembered in a cookie so server-rendered text follows it too. */
export const LOCALE_COOKIE = 'ad_lang';

export type Messages = Readonly<Record<MessageKey, string>>;
export type MessageVars = Record<string, string | number>;

export const parseLocale = (value: string | null | undefined): Locale => (value === 'hi' ? 'hi' : DEFAULT_LOCALE);

/** The locale a request asks for (its cookie), for route handlers. */
export function localeOfRequest(req: Request): Locale {
  const match = /(?:^|;\s*)ad_lang=([^;]+)/.exec(req.headers.get('cookie') ?? '');
  return parseLocale(match?.[1]);
}

/** Fills `{name}` placeholders; unknown ones stay visible, so a missing value is noticed. */
export function fillTemplate(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : match));
}

export const intlLocale: Record<Locale, string> = { en: 'en-IN', hi: 'hi-IN' };

/** ₹25,000 / ₹1,00,000 — Indian grouping, paise only when present. */
export function formatInr(amount: number, locale: Locale = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(intlLocale[locale], {
    style: 'currency',
    currency: 'INR',
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  }).format(amount);
}

/** "1 minute" / "12 minutes" / "12 मिनट": a wait, in words an agent reads at a glance. */
export function formatMinutes(minutes: number, locale: Locale = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(intlLocale[locale], { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes);
}

/** 98765 43210: the way agents read numbers aloud. */
export function formatMobile(mobile: string): string {
  return /^\d{10}$/.test(mobile) ? `${mobile.slice(0, 5)} ${mobile.slice(5)}` : mobile;
}

/** Paise (how the app keeps money) in rupees, for formatInr. */
export const paiseToRupees = (paise: number) => paise / 100;

/** "2 Dec 2026, 6:01:09 pm": a moment on India's clock, whatever the device's zone. */
export function formatIndiaDateTime(at: Date | string, locale: Locale = DEFAULT_LOCALE): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Kolkata' }).format(new Date(at));
}

/** How long something has waited, in the largest whole unit that fits: "45 seconds", "12 minutes", "3 hours", "2 days". */
export function formatAge(seconds: number, locale: Locale = DEFAULT_LOCALE): string {
  const s = Math.max(0, Math.floor(seconds));
  const [value, unit] =
    s < 60 ? [s, 'second'] : s < 3600 ? [Math.floor(s / 60), 'minute'] : s < 172_800 ? [Math.floor(s / 3600), 'hour'] : [Math.floor(s / 86_400), 'day'];
  return new Intl.NumberFormat(intlLocale[locale], { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** "2 Dec 2026": an India calendar day (YYYY-MM-DD) as people write it. */
export function formatDay(day: string, locale: Locale = DEFAULT_LOCALE): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
