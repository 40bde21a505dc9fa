import type { Metadata } from 'next';
import { ReloadButton } from '@/components/pwa/reload-button';
import { LOCALES, translate } from '@/lib/i18n';
import { requestLocale } from '@/lib/i18n/server';

// Shown by the service worker when a page cannot be loaded. It is precached once and may be shown
// after the agent has switched language, so it speaks both, the current one first. It carries
// nothing of the agent (it sits outside the site layout and its header).

export const metadata: Metadata = { title: `${translate('en', 'offline.title')} · ${translate('hi', 'offline.title')}` };

export default async function OfflinePage() {
  const current = await requestLocale();
  const locales = [current, ...LOCALES.filter((l) => l !== current)];
  return (
    <main id="main" className="mx-auto flex w-full max-w-2xl flex-col gap-6 px-4 py-10" data-testid="offline-page">
      {locales.map((locale, i) => (
        <section key={locale} lang={locale} aria-labelledby={`offline-title-${locale}`} className="flex flex-col gap-3">
          {i === 0 ? (
            <h1 id={`offline-title-${locale}`} className="text-2xl font-bold">
              {translate(locale, 'offline.title')}
            </h1>
          ) : (
            <h2 id={`offline-title-${locale}`} className="text-xl font-bold">
              {translate(locale, 'offline.title')}
            </h2>
          )}
          <p className="text-slate-800">{translate(locale, 'offline.body')}</p>
        </section>
      ))}
      <div>
        <ReloadButton label={locales.map((l) => translate(l, 'offline.retry')).join(' · ')} />
      </div>
    </main>
  );
}
