import { serverI18n } from '@/lib/i18n/server';

export default async function NotFound() {
  const { t } = await serverI18n();
  return (
    <main id="main" className="mx-auto flex w-full max-w-6xl flex-col gap-3 px-4 py-6">
      <h1 className="text-2xl font-bold">{t('errors.not_found')}</h1>
      {/* A plain link: next/link here is a client chunk of its own (3.2 KiB gzip) on every page's
          first load, beside the header's copy, as the not-found boundary is part of each layout. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
      <a href="/" className="font-semibold text-brand-700 underline">
        {t('app.name')}
      </a>
    </main>
  );
}
