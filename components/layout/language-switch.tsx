'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { type Locale, LOCALE_COOKIE } from '@/lib/i18n/core';

const NAMES: Record<Locale, { label: string; lang: string }> = {
  en: { label: 'English', lang: 'en' },
  hi: { label: 'हिन्दी', lang: 'hi' },
};

/** The choice is a cookie the server reads on every request; the page's own lang follows at once. */
function rememberLocale(locale: Locale) {
  document.cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`;
  document.documentElement.lang = locale;
}

/** English / हिन्दी, remembered for a year; each language is named in itself. */
export function LanguageSwitch({ current }: { current: Locale }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const choose = (locale: Locale) => {
    rememberLocale(locale);
    startTransition(() => router.refresh());
  };
  return (
    <div role="group" aria-label="Language / भाषा" className="flex gap-1" data-testid="language-switch">
      {(Object.keys(NAMES) as Locale[]).map((locale) => (
        <button
          key={locale}
          type="button"
          lang={NAMES[locale].lang}
          aria-pressed={locale === current}
          disabled={pending}
          onClick={() => choose(locale)}
          className={
            locale === current
              ? 'min-h-touch rounded-lg bg-brand-700 px-3 font-semibold text-white'
              : 'min-h-touch rounded-lg border border-slate-400 bg-white px-3 font-semibold text-slate-900 hover:bg-slate-100'
          }
        >
          {NAMES[locale].label}
        </button>
      ))}
    </div>
  );
}
