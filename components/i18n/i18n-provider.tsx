'use client';

import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { fillTemplate, formatInr, type Locale, type MessageKey, type Messages, type MessageVars } from '@/lib/i18n/core';

interface I18n {
  locale: Locale;
  t: (key: MessageKey, vars?: MessageVars) => string;
  /** For field messages: schema messages are catalogue keys, server ones arrive already in words. */
  tMaybe: (keyOrText: string) => string;
  inr: (amount: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * `messages` is the locale's catalogue, handed over by the server layout: importing the
 * catalogues here would ship every language to every page.
 */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: ReactNode }) {
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: (key, vars) => fillTemplate(messages[key], vars),
      tMaybe: (keyOrText) => (Object.hasOwn(messages, keyOrText) ? messages[keyOrText as MessageKey] : keyOrText),
      inr: (amount) => formatInr(amount, locale),
    }),
    // A catalogue is fixed per locale: a router refresh hands over an equal copy, which must not
    // re-render every consumer.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
}
