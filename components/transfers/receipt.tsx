'use client';

import { formatIndiaDateTime, formatMobile, type MessageKey } from '@/lib/i18n/core';
import { isPending, type TransactionView } from '@/lib/transfers/types';
import { LinkButton } from '@/components/ui/link-button';
import { useRupees } from '@/components/ui/rupees';
import { ReceiptFrame, type ReceiptRow } from '@/components/ui/receipt-frame';
import { useI18n } from '@/components/i18n/i18n-provider';

interface ReceiptProps {
  tx: TransactionView;
  /** For a refund's receipt: the transfer it refunds. */
  original: TransactionView | null;
  training: boolean;
}

/** What the receipt says, as rows: only what the row holds, "—" where Eko has not said. */
function useReceiptRows({ tx, original }: Pick<ReceiptProps, 'tx' | 'original'>) {
  const { t, locale } = useI18n();
  const rupees = useRupees();
  const orNone = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);
  const money = (paise: number | null | undefined) => (paise === null || paise === undefined ? '—' : rupees(paise));
  const isRefund = tx.kind === 'dmt_refund';
  const party = isRefund && original ? original : tx;
  // A refund's figures (Eko's refund_tid and refunded_amount) are on its row, and on the transfer it refunded.
  const refund = isRefund && original?.refund?.id === tx.id ? original.refund : null;
  const rows: ReceiptRow[] = [
    [t('receipt.time'), formatIndiaDateTime(tx.createdAt, locale), 'receipt-time'],
    [t('receipt.number'), tx.clientRefId, 'receipt-number'],
    [t('receipt.status'), statusWords(t, tx), 'receipt-status'],
    [t('receipt.sender'), [party.senderName, formatMobile(party.senderMobile)].filter(Boolean).join(' · '), 'receipt-sender'],
    [t('receipt.recipient'), orNone(party.recipient?.name), 'receipt-recipient'],
    [t('receipt.bank'), party.recipient ? `${party.recipient.bank} · ${party.recipient.ifsc}` : '—', 'receipt-bank'],
    [t('receipt.account'), orNone(party.recipient?.accountMasked), 'receipt-account'],
  ];
  if (isRefund) {
    rows.push(
      [t('receipt.refundOf'), orNone(original?.clientRefId), 'receipt-refund-of'],
      [t('receipt.originalTid'), orNone(original?.ekoTid)],
      [t('receipt.originalAmount'), money(original?.amountPaise)],
      [t('receipt.refundTid'), orNone(tx.refundTid ?? refund?.refundTid), 'receipt-refund-tid'],
      [t('receipt.refunded'), money(tx.refundedPaise ?? refund?.refundedPaise), 'receipt-refunded'],
    );
  } else {
    rows.push(
      [t('receipt.amount'), rupees(tx.amountPaise), 'receipt-amount'],
      [t('receipt.fee'), money(tx.feePaise), 'receipt-fee'],
      [t('receipt.collectable'), money(tx.collectablePaise), 'receipt-collectable'],
      [t('receipt.ekoTid'), orNone(tx.ekoTid), 'receipt-tid'],
      [t('receipt.bankRef'), orNone(tx.bankRef), 'receipt-utr'],
    );
    if (tx.refund) rows.push([t('receipt.refundTid'), orNone(tx.refund.refundTid)], [t('receipt.refunded'), money(tx.refund.refundedPaise)]);
  }
  return rows;
}

function statusWords(t: (k: MessageKey, v?: Record<string, string | number>) => string, tx: TransactionView): string {
  const state = t(`transfer.state.${tx.state}`);
  return isPending(tx) ? `${state}: ${t('transfer.doNotPayAgain')}` : state;
}

/**
 * The customer's copy of a transfer or a refund, rendered from the transaction row. Printing or
 * sharing it the first time is recorded; every later copy says "Reprint" with its time.
 */
export function Receipt({ tx, original, training }: ReceiptProps) {
  const { t } = useI18n();
  const rupees = useRupees();
  const rows = useReceiptRows({ tx, original });
  const isRefund = tx.kind === 'dmt_refund';
  const spoken = t(isRefund ? 'receipt.speech.refund' : 'receipt.speech', {
    amount: rupees(isRefund ? (tx.refundedPaise ?? tx.amountPaise) : tx.amountPaise),
    name: (isRefund ? original?.recipient?.name : tx.recipient?.name) ?? '',
    status: statusWords(t, tx),
  });

  return (
    <ReceiptFrame
      tx={tx}
      title={t(isRefund ? 'receipt.title.refund' : 'receipt.title')}
      rows={rows}
      spoken={spoken}
      training={training}
      reprintable
      footer={
        <>
          <LinkButton href={`/transactions/${tx.id}`}>{t('receipt.toStatus')}</LinkButton>
          <LinkButton href={`/senders?mobile=${tx.senderMobile}`}>{t('send.backToSender')}</LinkButton>
          <LinkButton href="/transactions">{t('transfer.toHistory')}</LinkButton>
        </>
      }
    >
      {isPending(tx) && <p className="mt-3 font-bold">{t('receipt.pendingNote')}</p>}
    </ReceiptFrame>
  );
}
