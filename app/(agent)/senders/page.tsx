import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SenderDesk } from '@/components/senders/sender-desk';
import { Spinner } from '@/components/ui/spinner';
import { DEFAULT_LOCALE, translate } from '@/lib/i18n';

export const metadata: Metadata = { title: translate(DEFAULT_LOCALE, 'senders.title') };

export default function SendersPage() {
  return (
    <>
      <h1 className="text-3xl font-bold text-slate-900">{translate(DEFAULT_LOCALE, 'senders.title')}</h1>
      <p className="mb-6 mt-1 text-slate-700">{translate(DEFAULT_LOCALE, 'senders.intro')}</p>
      <Suspense fallback={<Spinner label={translate(DEFAULT_LOCALE, 'senders.search.searching')} />}>
        <SenderDesk />
      </Suspense>
    </>
  );
}
