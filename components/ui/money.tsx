'use client';

import clsx from 'clsx';
import { formatIndiaDateTime } from '@/lib/i18n/core';
import type { TransactionState } from '@/lib/transfers/types';
import { useI18n } from '@/components/i18n/i18n-provider';

// What every money screen shows the same way (transfers and AePS): a moment, a transaction's
// state. Rupees are in rupees.ts, label and value pairs in facts.tsx (apart, so that a page
// carries only what it shows).

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
