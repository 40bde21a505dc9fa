import Link from 'next/link';
import { serverI18n } from '@/lib/i18n/server';

export default async function NotFound() {
  const { t } = await serverI18n();
  return (
    <main id="main" className="mx-auto flex w-full max-w-6xl flex-col gap-3 px-4 py-6">
      <h1 className="text-2xl font-bold">{t('errors.not_found')}</h1>
      <Link href="/" className="font-semibold text-brand-700 underline">
        {t('app.name')}
      </Link>
    </main>
  );
}
