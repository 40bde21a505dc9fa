import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AepsBanner } from '@/components/aeps/aeps-banner';
import { PageHeader } from '@/components/layout/page-header';
import { SenderDesk } from '@/components/senders/sender-desk';
import { PendingTransfers } from '@/components/transfers/pending-transfers';
import { SenderMoney } from '@/components/transfers/sender-money';
import { Spinner } from '@/components/ui/spinner';
import { aepsStatusOf } from '@/lib/aeps/service';
import { requirePageUser } from '@/lib/auth/current-user';
import { serverI18n, titleFor } from '@/lib/i18n/server';

export const generateMetadata = (): Promise<Metadata> => titleFor('senders.title');

export default async function SendersPage() {
  const { t } = await serverI18n();
  const user = await requirePageUser('agent', '/senders');
  const aeps = await aepsStatusOf(user.id);
  return (
    <>
      <PageHeader title="senders.title" intro="senders.intro" />
      {/* The page composes the features (they do not import each other): the AePS reminder and the
          agent's open transfers above the desk, the recipients inside the sender card. */}
      <div className="flex flex-col gap-6">
        <AepsBanner initial={{ ekycCompletedOn: aeps.ekycCompletedOn, lastDailyAuthOn: aeps.lastDailyAuthOn }} />
        <PendingTransfers />
        <Suspense fallback={<Spinner label={t('senders.search.searching')} />}>
          <SenderDesk cardSlot={<SenderMoney />} />
        </Suspense>
      </div>
    </>
  );
}
