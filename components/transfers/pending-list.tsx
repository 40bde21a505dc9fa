'use client';

import { formatAge, formatMobile } from '@/lib/i18n/core';
import type { TransactionView } from '@/lib/transfers/types';
import { LinkButton } from '@/components/ui/link-button';
import { useI18n } from '@/components/i18n/i18n-provider';
import { StateBadge } from '@/components/ui/money';
import { useRupees } from '@/components/ui/rupees';
import { useNow } from './use-now';

function PendingItem({ tx, showSender }: { tx: TransactionView; showSender: boolean }) {
  const { t, locale } = useI18n();
  const rupees = useRupees();
  const now = useNow(15_000);
  const age = formatAge((now - Date.parse(tx.createdAt)) / 1000, locale);
  return (
    <li
      className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-300 bg-white p-3"
      data-testid="pending-transfer"
      data-tx={tx.id}
    >
      <div className="min-w-0">
        <p className="text-lg font-bold tabular-nums">
          {rupees(tx.amountPaise)} <span className="font-normal">→</span> {tx.recipient?.name ?? t('transfer.recipient.unknown')}
        </p>
        <p className="text-sm text-slate-800">
          {showSender && <>{t('transfer.pending.sender', { mobile: formatMobile(tx.senderMobile) })} · </>}
          {t('transfer.pending.age', { age })} · <StateBadge state={tx.state} className="align-middle" />
        </p>
      </div>
      <LinkButton href={`/transactions/${tx.id}`} variant="secondary">
        {t('transfer.pending.open')}
      </LinkButton>
    </li>
  );
}

/** Open transfers, each with its amount, recipient, age and status; their callers put them under "do not pay again". */
export function PendingItems({ pending, showSender }: { pending: TransactionView[]; showSender: boolean }) {
  return (
    <ul className="mt-3 flex flex-col gap-2">
      {pending.map((tx) => (
        <PendingItem key={tx.id} tx={tx} showSender={showSender} />
      ))}
    </ul>
  );
}
