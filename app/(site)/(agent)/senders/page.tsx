import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AepsBanner } from '@/components/aeps/aeps-banner';
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
      {/* The page puts the AePS reminder above the desk: features do not import each other. */}
      <div className="flex flex-col gap-6">
        <AepsBanner />
        <Suspense fallback={<Spinner label={t('senders.search.searching')} />}>
          <SenderDesk />
        </Suspense>
      </div>
    </>
  );
}
