'use client';

import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { DEFAULT_LOCALE, formatInr, type Locale, type MessageKey, type MessageVars, translate } from '@/lib/i18n';

interface I18n {
  locale: Locale;
  t: (key: MessageKey, vars?: MessageVars) => string;
  inr: (amount: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale = DEFAULT_LOCALE, children }: { locale?: Locale; children: ReactNode }) {
  const value = useMemo<I18n>(
    () => ({ locale, t: (key, vars) => translate(locale, key, vars), inr: (amount) => formatInr(amount, locale) }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
}
