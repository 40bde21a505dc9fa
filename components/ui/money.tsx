'use client';

import clsx from 'clsx';
import type { ReactNode } from 'react';
import { formatIndiaDateTime, paiseToRupees } from '@/lib/i18n/core';
import type { TransactionState } from '@/lib/transfers/types';
import { useI18n } from '@/components/i18n/i18n-provider';

// What every money screen shows the same way (transfers and AePS): rupees, a transaction's state,
// label and value pairs.

/** Money as the agent reads it, from paise. */
export function useRupees() {
  const { inr } = useI18n();
  return (paise: number) => inr(paiseToRupees(paise));
}

/**
 * A moment in India's time, in the agent's language. The server's and the browser's Intl data
 * may word a date differently, so the text is the browser's once the page runs, without a
 * hydration warning.
 */
export function IndiaTime({ iso }: { iso: string }) {
  const { locale } = useI18n();
  return <span suppressHydrationWarning>{formatIndiaDateTime(iso, locale)}</span>;
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
