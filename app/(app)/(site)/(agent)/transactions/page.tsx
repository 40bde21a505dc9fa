import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { TransferHistory } from '@/components/transfers/history';
import { Spinner } from '@/components/ui/spinner';
import { serverI18n, titleFor } from '@/lib/i18n/server';

export const generateMetadata = (): Promise<Metadata> => titleFor('history.pageTitle');

export default async function TransactionsPage() {
  const { t } = await serverI18n();
  return (
    <>
      <PageHeader title="history.pageTitle" intro="history.intro" />
      <Suspense fallback={<Spinner label={t('history.loading')} />}>
        <TransferHistory />
      </Suspense>
    </>
  );
}
