import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { SenderDesk } from '@/components/senders/sender-desk';
import { Spinner } from '@/components/ui/spinner';
import { serverI18n, titleFor } from '@/lib/i18n/server';

export const generateMetadata = (): Promise<Metadata> => titleFor('senders.title');

export default async function SendersPage() {
  const { t } = await serverI18n();
  return (
    <>
      <PageHeader title="senders.title" intro="senders.intro" />
      <Suspense fallback={<Spinner label={t('senders.search.searching')} />}>
        <SenderDesk />
      </Suspense>
    </>
  );
}
