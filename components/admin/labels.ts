import { intlLocale, isMessageKey, type Locale, type MessageKey } from '@/lib/i18n';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

export const actionLabel = (t: T, action: string) => {
  const key = `admin.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
};

export const outcomeLabel = (t: T, outcome: string) => {
  const key = `admin.outcome.${outcome}`;
  return isMessageKey(key) ? t(key) : outcome;
};

/** Audit details are normalised codes ("upstream_timeout", "eko_rejected:319", "kyc_verified"). */
export function detailLabel(t: T, detail: string | null): string {
  if (!detail) return '—';
  const [code, status] = detail.split(':');
  const key = `admin.reason.${code}`;
  // A decline carries its reason ("declined:wrong_otp"): both in words.
  const sub = `admin.reason.${code}.${status}`;
  if (status && isMessageKey(key) && isMessageKey(sub)) return `${t(key)}: ${t(sub)}`;
  if (isMessageKey(key)) return status ? `${t(key)} (${status})` : t(key);
  const state = `sender.state.${detail}`;
  return isMessageKey(state) ? t(state) : detail;
}

/** 22 Nov — for chart axes, from an India calendar day. */
export function shortDay(day: string, locale: Locale = 'en'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(intlLocale[locale], { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function indiaDateTime(at: Date, locale: Locale = 'en'): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Kolkata' }).format(at);
}
