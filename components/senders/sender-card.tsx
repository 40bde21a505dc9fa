'use client';

import clsx from 'clsx';
import type { ReactNode } from 'react';
import { formatMobile } from '@/lib/i18n/core';
import { NON_KYC_MONTHLY_LIMIT, EKYC_MONTHLY_LIMIT, type Sender, type SenderState } from '@/lib/senders/types';
import { Alert } from '@/components/ui/alert';
import { useI18n } from '@/components/i18n/i18n-provider';
import { LimitBar } from './limit-bar';

const badgeTone: Record<SenderState, string> = {
  kyc_verified: 'bg-green-100 text-green-900 border-green-700',
  not_kyc: 'bg-amber-100 text-amber-950 border-amber-700',
  kyc_pending: 'bg-brand-50 text-brand-800 border-brand-600',
  not_enrolled: 'bg-slate-100 text-slate-800 border-slate-500',
};

export function SenderBadge({ state }: { state: SenderState }) {
  const { t } = useI18n();
  return (
    <span data-testid="kyc-badge" className={clsx('inline-flex items-center rounded-full border px-3 py-1 text-sm font-semibold', badgeTone[state])}>
      {t(`sender.state.${state}`)}
    </span>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg bg-slate-50 p-3">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-xl font-bold tabular-nums text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** `children`: what the page adds to the card (the recipients, from another feature). */
export function SenderCard({ sender, children }: { sender: Sender; children?: ReactNode }) {
  const { t, inr } = useI18n();
  const { limits } = sender;
  return (
    <section aria-labelledby="sender-name" className="rounded-xl border border-slate-300 bg-white p-4 shadow-sm sm:p-6" data-testid="sender-card">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="sender-name" className="text-2xl font-bold text-slate-900">
            {sender.name ?? t('sender.unnamed')}
          </h2>
          <p className="text-slate-700">
            {t('sender.mobile')}: <span className="tabular-nums">{formatMobile(sender.mobile)}</span>
          </p>
        </div>
        <SenderBadge state={sender.state} />
      </div>

      {limits ? (
        <div className="mt-5">
          <h3 className="mb-2 text-lg font-semibold">{t('sender.limits.title')}</h3>
          <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            <Figure label={t('sender.limits.monthly')} value={inr(limits.monthly)} testId="limit-monthly" />
            <Figure label={t('sender.limits.used')} value={inr(limits.used)} testId="limit-used" />
            <Figure label={t('sender.limits.available')} value={inr(limits.available)} testId="limit-available" />
          </dl>
          <div className="mt-3">
            <LimitBar limits={limits} />
            <p className="mt-1 flex justify-between text-sm text-slate-700" aria-hidden="true">
              <span>{t('sender.limits.used')}</span>
              <span>{t('sender.limits.available')}</span>
            </p>
          </div>
          {limits.available <= 0 && (
            <Alert tone="warning" className="mt-3">
              {t('sender.limits.exhausted')}
            </Alert>
          )}
        </div>
      ) : (
        sender.state !== 'kyc_pending' && <p className="mt-4 text-slate-700">{t('sender.limits.unknown')}</p>
      )}

      <div className="mt-4" data-testid="ekyc-note">
        {sender.state === 'not_kyc' && limits && (
          <Alert tone="info">{t('sender.ekyc.upgrade', { current: inr(limits.monthly || NON_KYC_MONTHLY_LIMIT), after: inr(limits.monthlyAfterEkyc) })}</Alert>
        )}
        {sender.state === 'kyc_pending' && (
          <Alert tone="info">{t(sender.pendingStep === 'otp' ? 'sender.pending.otp' : 'sender.pending.ekyc', { after: inr(EKYC_MONTHLY_LIMIT) })}</Alert>
        )}
        {sender.state === 'kyc_verified' && <p className="text-slate-700">{t('sender.ekyc.verified')}</p>}
      </div>
      {children}
    </section>
  );
}
