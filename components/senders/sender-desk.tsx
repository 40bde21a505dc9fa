'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { formatMobile } from '@/lib/i18n/core';
import { parsePastedMobile } from '@/lib/schemas/mobile';
import type { OnboardingOutcome } from '@/lib/senders/types';
import { NON_KYC_MONTHLY_LIMIT } from '@/lib/senders/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { onDemand, opening } from '@/components/ui/on-demand';
import { Spinner } from '@/components/ui/spinner';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { SenderSearchForm } from './sender-search-form';
import { useSenderLookup } from './use-sender';

// The eKYC flow (RD service, Aadhaar transport encryption, its forms) is code most lookups never
// need: it loads when the agent opens it, or starts to when the pointer or focus reaches its button.
const loadEkycFlow = () => import('@/components/sender-ekyc/ekyc-flow');
const EkycFlow = lazy(() => loadEkycFlow().then((m) => ({ default: m.EkycFlow })));
const preloadEkycFlow = () => void loadEkycFlow();
// Enrolment is for senders Eko does not know yet: its form (react-hook-form and zod) loads when a
// lookup says so, not with every lookup, most of which find an enrolled sender.
const OnboardSenderForm = lazy(() => import('./onboard-sender-form').then((m) => ({ default: m.OnboardSenderForm })));

// The card (state, limits) shows once a lookup answers: its code is fetched when a lookup starts,
// beside the lookup itself, not with the page, most of whose loads are the search box.
const SenderCard = onDemand(() => import('./sender-card').then((m) => m.SenderCard), opening('senders.card.loading'));

/** Senders Eko lets move money: enrolled with limits (a KYC-pending one gets no recipients yet). */
const canTransact = (state: string) => state === 'kyc_verified' || state === 'not_kyc';

/**
 * Sender search and result. The searched mobile lives in the URL so back, refresh and links work.
 * `cardSlot` is what the page adds to the card of a sender who can move money (the recipients).
 */
export function SenderDesk({ cardSlot }: { cardSlot?: ReactNode }) {
  const { t, inr } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const raw = useSearchParams().get('mobile') ?? '';
  const mobile = parsePastedMobile(raw);
  const lookup = useSenderLookup(mobile);
  const [onboarded, setOnboarded] = useState<{ mobile: string; outcome: OnboardingOutcome } | null>(null);
  const [ekycFor, setEkycFor] = useState<string | null>(null);
  useEffect(() => {
    if (mobile) SenderCard.preload();
  }, [mobile]);

  const search = (next: string) => {
    setOnboarded(null);
    setEkycFor(null);
    if (next === mobile) void lookup.refetch();
    else router.push(`${pathname}?mobile=${next}`);
  };

  return (
    <div className="flex flex-col gap-6">
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
            <Suspense fallback={<Spinner label={t('onboard.loading')} />}>
              <OnboardSenderForm key={mobile} mobile={mobile} onDone={(outcome) => setOnboarded({ mobile, outcome })} onRecheck={() => void lookup.refetch()} />
            </Suspense>
          </>
        )}
        {mobile && lookup.data && lookup.data.state !== 'not_enrolled' && (!lookup.isError || ekycFor === mobile) && (
          <>
            {/* Never stale money figures: the card hides when a refresh failed (an open eKYC flow stays). */}
            {!lookup.isError && <SenderCard sender={lookup.data}>{canTransact(lookup.data.state) ? cardSlot : null}</SenderCard>}
            {ekycFor === mobile ? (
              <Suspense fallback={<Spinner label={t('ekyc.loading')} />}>
                <EkycFlow
                  key={mobile}
                  mobile={mobile}
                  name={lookup.data.name ?? formatMobile(mobile)}
                  onCompleted={() => void lookup.refetch()}
                  onClose={() => setEkycFor(null)}
                />
              </Suspense>
            ) : (
              <div className="flex flex-wrap gap-3">
                {(lookup.data.state === 'not_kyc' || lookup.data.state === 'kyc_pending') && (
                  <Button onClick={() => setEkycFor(mobile)} onPointerEnter={preloadEkycFlow} onFocus={preloadEkycFlow}>
                    {t('ekyc.start')}
                  </Button>
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
