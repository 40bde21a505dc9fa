'use client';

import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api/client';
import { formatMobile } from '@/lib/i18n/core';
import { isPending, PENDING_REFRESH_MS, type TransactionView } from '@/lib/transfers/types';
import { Alert } from '@/components/ui/alert';
import { LinkButton } from '@/components/ui/link-button';
import { useI18n } from '@/components/i18n/i18n-provider';
import { Facts } from '@/components/ui/facts';
import { IndiaTime, StateBadge } from '@/components/ui/money';
import { useRupees } from '@/components/ui/rupees';
import { onDemand, opening } from '@/components/ui/on-demand';
import { DoNotPayAgain } from './do-not-pay-again';
import { CheckAgainOnDemand } from './check-again-on-demand';
import { transferKeys } from './transfer-keys';

/** One transaction, asked again every few seconds while it is pending. */
export function useTransaction(id: string, initial?: TransactionView) {
  return useQuery({
    queryKey: transferKeys.transaction(id),
    queryFn: async () => (await apiRequest<{ transaction: TransactionView }>(`/api/transfers/${id}`)).transaction,
    initialData: initial,
    refetchInterval: (query) => (query.state.data && isPending(query.state.data) ? PENDING_REFRESH_MS : false),
  });
}

// Only some transfers are declined or wait for a refund: those steps' code comes when one shows.
const DeclineNextStep = onDemand(() => import('./decline').then((m) => m.DeclineNextStep), opening('transfer.declined.loading'));
const RefundFlow = onDemand(() => import('./refund-flow').then((m) => m.RefundFlow), opening('refund.loading'));

/** Where a transfer stands, live while it is pending, with the next step for each outcome. */
export function TransactionStatus({ initial }: { initial: TransactionView }) {
  const { t } = useI18n();
  const rupees = useRupees();
  const query = useTransaction(initial.id, initial);
  const tx = query.data ?? initial;
  const sendAgain = tx.recipient && (
    <LinkButton href={`/senders/${tx.senderMobile}/send/${tx.recipient.id}`} variant="primary">
      {t('transfer.next.sendAgain')}
    </LinkButton>
  );

  return (
    <div className="flex flex-col gap-5" data-testid="transaction-status" data-state={tx.state}>
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-3xl font-bold tabular-nums">{rupees(tx.amountPaise)}</p>
        <StateBadge state={tx.state} />
      </div>

      {isPending(tx) && (
        <DoNotPayAgain>
          <p className="mt-2">{t('transfer.status.autoCheck')}</p>
          {/* While it is being sent there is nothing to ask Eko yet (the server waits too). */}
          {tx.state !== 'sending' && (
            <div className="mt-3">
              <CheckAgainOnDemand id={tx.id} />
            </div>
          )}
        </DoNotPayAgain>
      )}
      {tx.state === 'success' && (
        <Alert tone="success" testId="transfer-success">
          <p className="font-semibold">{t('transfer.success', { amount: rupees(tx.amountPaise), name: tx.recipient?.name ?? '' })}</p>
          <div className="mt-3">
            <LinkButton href={`/receipts/${tx.id}`} variant="primary">
              {t('transfer.openReceipt')}
            </LinkButton>
          </div>
        </Alert>
      )}
      {(tx.state === 'declined' || tx.state === 'failed') && (
        <>
          <DeclineNextStep tx={tx} />
          <div className="flex flex-wrap gap-3">
            {sendAgain}
            <LinkButton href={`/receipts/${tx.id}`}>{t('transfer.openReceipt')}</LinkButton>
          </div>
        </>
      )}
      {tx.state === 'refund_pending' && (
        <>
          <Alert tone="warning" testId="refund-pending">
            <p className="font-semibold">{t('transfer.refundPending', { amount: rupees(tx.amountPaise) })}</p>
            <p className="mt-1">{t('transfer.refundPending.next')}</p>
          </Alert>
          <RefundFlow tx={tx} />
        </>
      )}
      {tx.state === 'refunded' && (
        <Alert tone="success" testId="refunded">
          <p className="font-semibold">{t('transfer.refunded', { amount: rupees(tx.refund?.refundedPaise ?? tx.amountPaise) })}</p>
          <div className="mt-3 flex flex-wrap gap-3">
            {tx.refund && (
              <LinkButton href={`/receipts/${tx.refund.id}`} variant="primary">
                {t('refund.receipt')}
              </LinkButton>
            )}
            <LinkButton href={`/receipts/${tx.id}`}>{t('transfer.openReceipt')}</LinkButton>
          </div>
        </Alert>
      )}

      <section aria-labelledby="tx-details" className="rounded-xl border border-slate-300 bg-white p-4">
        <h2 id="tx-details" className="mb-3 text-xl font-bold">
          {t('transfer.details')}
        </h2>
        <Facts
          rows={[
            [t('receipt.number'), <code key="ref">{tx.clientRefId}</code>, 'tx-ref'],
            [t('receipt.time'), <IndiaTime key="time" iso={tx.createdAt} />],
            [t('receipt.sender'), `${tx.senderName ?? ''} ${formatMobile(tx.senderMobile)}`.trim()],
            [t('receipt.recipient'), tx.recipient?.name ?? '—'],
            [t('receipt.bank'), tx.recipient ? `${tx.recipient.bank} · ${tx.recipient.ifsc}` : '—'],
            [t('receipt.account'), tx.recipient?.accountMasked ?? '—'],
            [t('receipt.ekoTid'), tx.ekoTid ?? '—', 'tx-tid'],
            [t('receipt.bankRef'), tx.bankRef ?? '—', 'tx-utr'],
            [t('transfer.lastUpdate'), <IndiaTime key="upd" iso={tx.updatedAt} />],
          ]}
        />
      </section>
      <div className="flex flex-wrap gap-3">
        <LinkButton href="/transactions">{t('transfer.toHistory')}</LinkButton>
        <LinkButton href={`/senders?mobile=${tx.senderMobile}`}>{t('send.backToSender')}</LinkButton>
      </div>
    </div>
  );
}
