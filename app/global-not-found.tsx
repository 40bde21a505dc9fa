import type { Metadata } from 'next';
import { serverI18n } from '@/lib/i18n/server';
import './globals.css';

// An address no route matches. The app has two root layouts (the app's, and the bench's bare
// control), so no one layout can wrap this page: it brings its own document, in the agent's
// language. A page that calls notFound() still gets app/(app)/not-found.tsx inside the app's shell.

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await serverI18n();
  return { title: `${t('errors.not_found')} · ${t('app.name')}` };
}

export default async function GlobalNotFound() {
  const { locale, t } = await serverI18n();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <main id="main" className="mx-auto flex w-full max-w-6xl flex-col gap-3 px-4 py-6">
          <h1 className="text-2xl font-bold">{t('errors.not_found')}</h1>
          {/* A plain link: with next/link this document's client chunk joined every page's first load. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
          <a href="/" className="font-semibold text-brand-700 underline">
            {t('app.name')}
          </a>
        </main>
      </body>
    </html>
  );
}
