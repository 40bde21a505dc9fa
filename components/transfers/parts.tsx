'use client';

import clsx from 'clsx';
import { type ReactNode, useEffect, useState } from 'react';
import { ApiClientError } from '@/lib/api/client';
import { paiseToRupees } from '@/lib/i18n/core';
import type { TransactionState } from '@/lib/transfers/types';
import { Alert } from '@/components/ui/alert';
import { useI18n } from '@/components/i18n/i18n-provider';

/** The code of a failed call, as a plain string: the money codes are the lead's table's, compared by name. */
export const errorCode = (error: unknown): string => (error instanceof ApiClientError ? error.code : 'network');

/**
 * After these the browser does not know whether the server got the request, or the server does
 * not know whether Eko did: a transfer may be under way. The pending list, read again from the
 * server, says which.
 */
export const OUTCOME_UNKNOWN = new Set(['network', 'bad_response', 'internal', 'upstream_timeout', 'upstream_unavailable', 'upstream_bad_response']);

/** Money as the agent reads it, from paise. */
export function useRupees() {
  const { inr } = useI18n();
  return (paise: number) => inr(paiseToRupees(paise));
}

/** The clock, ticking every `everyMs` (ages, the OTP resend wait). */
export function useNow(everyMs = 1000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

const tones: Record<TransactionState, string> = {
  success: 'border-green-700 bg-green-100 text-green-900',
  refunded: 'border-green-700 bg-green-50 text-green-900',
  declined: 'border-red-700 bg-red-50 text-red-900',
  failed: 'border-red-700 bg-red-50 text-red-900',
  refund_pending: 'border-amber-700 bg-amber-100 text-amber-950',
  sending: 'border-amber-700 bg-amber-100 text-amber-950',
  unknown: 'border-amber-700 bg-amber-100 text-amber-950',
  awaited: 'border-amber-700 bg-amber-100 text-amber-950',
  hold: 'border-amber-700 bg-amber-100 text-amber-950',
};

export function StateBadge({ state, className }: { state: TransactionState; className?: string }) {
  const { t } = useI18n();
  return (
    <span
      data-testid="tx-state"
      data-state={state}
      className={clsx('inline-flex items-center rounded-full border px-3 py-1 text-sm font-semibold', tones[state], className)}
    >
      {t(`transfer.state.${state}`)}
    </span>
  );
}

/** The one warning an agent must never miss while a transfer's outcome is open. */
export function DoNotPayAgain({ children, testId = 'do-not-pay-again' }: { children?: ReactNode; testId?: string }) {
  const { t } = useI18n();
  return (
    <Alert tone="warning" testId={testId}>
      <p className="text-lg font-bold">{t('transfer.doNotPayAgain')}</p>
      <p className="mt-1">{t('transfer.doNotPayAgain.detail')}</p>
      {children}
    </Alert>
  );
}

/** Label and value pairs: side by side where there is room, stacked on a phone and a 58 mm receipt. */
export function Facts({ rows, testId, className }: { rows: [label: string, value: ReactNode, testId?: string][]; testId?: string; className?: string }) {
  return (
    <dl className={clsx('facts grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[minmax(9rem,auto)_1fr]', className)} data-testid={testId}>
      {rows.map(([label, value, id]) => (
        <div key={label} className="contents">
          <dt className="text-sm text-slate-700 sm:text-base">{label}</dt>
          <dd className="mb-1 font-semibold break-words text-slate-900 sm:mb-0" data-testid={id}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
