'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { formatMobile } from '@/lib/i18n/core';
import { mobileSchema } from '@/lib/schemas/sender';
import type { OnboardingOutcome } from '@/lib/senders/types';
import { NON_KYC_MONTHLY_LIMIT } from '@/lib/senders/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from './api-error-alert';
import { OnboardSenderForm } from './onboard-sender-form';
import { SenderCard } from './sender-card';
import { SenderSearchForm } from './sender-search-form';
import { EkycFlow } from '@/components/sender-ekyc/ekyc-flow';
import { AepsBanner } from '@/components/aeps/aeps-banner';
import { useSenderLookup } from './use-sender';

/** Sender search and result. The searched mobile lives in the URL so back, refresh and links work. */
export function SenderDesk() {
  const { t, inr } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const raw = useSearchParams().get('mobile') ?? '';
  const parsed = mobileSchema.safeParse(raw);
  const mobile = parsed.success ? parsed.data : null;
  const lookup = useSenderLookup(mobile);
  const [onboarded, setOnboarded] = useState<{ mobile: string; outcome: OnboardingOutcome } | null>(null);
  const [ekycFor, setEkycFor] = useState<string | null>(null);

  const search = (next: string) => {
    setOnboarded(null);
    setEkycFor(null);
    if (next === mobile) void lookup.refetch();
    else router.push(`${pathname}?mobile=${next}`);
  };

  return (
    <div className="flex flex-col gap-6">
      <AepsBanner />
      <SenderSearchForm initialMobile={mobile ?? ''} searching={lookup.isFetching} onSearch={search} />

      <div aria-live="polite" className="flex flex-col gap-4" data-testid="sender-result">
        {mobile === null && <p className="text-slate-700">{t('senders.empty')}</p>}
        {mobile && lookup.isPending && <Spinner label={t('senders.loading', { mobile: formatMobile(mobile) })} />}
        {mobile && lookup.isError && <ApiErrorAlert error={lookup.error} onRetry={() => void lookup.refetch()} />}
        {mobile && onboarded?.mobile === mobile && (
          <Alert tone="success">{t(`onboard.done.${onboarded.outcome}`, { limit: inr(NON_KYC_MONTHLY_LIMIT) })}</Alert>
        )}
        {mobile && !lookup.isError && lookup.data?.state === 'not_enrolled' && (
          <>
            <Alert tone="info">{t('sender.notEnrolled', { mobile: formatMobile(mobile) })}</Alert>
            <OnboardSenderForm
              key={mobile}
              mobile={mobile}
              onDone={(outcome) => setOnboarded({ mobile, outcome })}
              onRecheck={() => void lookup.refetch()}
            />
          </>
        )}
        {mobile && lookup.data && lookup.data.state !== 'not_enrolled' && (!lookup.isError || ekycFor === mobile) && (
          <>
            {/* Never stale money figures: the card hides when a refresh failed (an open eKYC flow stays). */}
            {!lookup.isError && <SenderCard sender={lookup.data} />}
            {ekycFor === mobile ? (
              <EkycFlow
                key={mobile}
                mobile={mobile}
                name={lookup.data.name ?? formatMobile(mobile)}
                onCompleted={() => void lookup.refetch()}
                onClose={() => setEkycFor(null)}
              />
            ) : (
              <div className="flex flex-wrap gap-3">
                {(lookup.data.state === 'not_kyc' || lookup.data.state === 'kyc_pending') && (
                  <Button onClick={() => setEkycFor(mobile)}>{t('ekyc.start')}</Button>
                )}
                <Button variant="secondary" onClick={() => void lookup.refetch()} disabled={lookup.isFetching}>
                  {lookup.isFetching ? t('senders.search.searching') : t('senders.refresh')}
                </Button>
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
}
