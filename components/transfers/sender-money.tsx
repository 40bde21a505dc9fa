'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { lazy, Suspense, useEffect } from 'react';
import { parsePastedMobile } from '@/lib/schemas/mobile';
import { Spinner } from '@/components/ui/spinner';
import { useI18n } from '@/components/i18n/i18n-provider';
import { recipientsQuery } from './use-transfers';

// The recipients' code is fetched when a sender card shows, not with the senders page (most of
// its loads are a search box); the recipients themselves are asked for at the same moment, so
// neither waits for the other.
const RecipientsSection = lazy(() => import('./recipients-section').then((m) => ({ default: m.RecipientsSection })));

/**
 * For the senders page to put inside the sender card (features do not import each other): the
 * sender is the one the desk shows, named by the URL as the desk reads it.
 */
export function SenderMoney() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const mobile = parsePastedMobile(useSearchParams().get('mobile') ?? '');
  useEffect(() => {
    if (mobile) void queryClient.prefetchQuery(recipientsQuery(mobile));
  }, [mobile, queryClient]);
  if (!mobile) return null;
  return (
    <Suspense fallback={<Spinner label={t('recipients.loading')} />}>
      <RecipientsSection key={mobile} mobile={mobile} />
    </Suspense>
  );
}
