import type { Metadata } from 'next';
import Link from 'next/link';
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
          <Link href="/" className="font-semibold text-brand-700 underline">
            {t('app.name')}
          </Link>
        </main>
      </body>
    </html>
  );
}
