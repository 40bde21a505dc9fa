import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SenderDesk } from '@/components/senders/sender-desk';
import { Spinner } from '@/components/ui/spinner';
import { serverI18n, titleFor } from '@/lib/i18n/server';

export const generateMetadata = (): Promise<Metadata> => titleFor('senders.title');

export default async function SendersPage() {
  const { t } = await serverI18n();
  return (
    <>
      <h1 className="text-3xl font-bold text-slate-900">{t('senders.title')}</h1>
      <p className="mb-6 mt-1 text-slate-700">{t('senders.intro')}</p>
      <Suspense fallback={<Spinner label={t('senders.search.searching')} />}>
        <SenderDesk />
      </Suspense>
    </>
  );
}
