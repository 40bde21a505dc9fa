'use client';

import { maskedAadhaarOf } from '@/lib/aadhaar/mask';
import type { StatementLine } from '@/lib/aeps/types';
import { formatIndiaDateTime, formatMobile, type MessageKey } from '@/lib/i18n/core';
import { isPending, type TransactionView } from '@/lib/transfers/types';
import { LinkButton } from '@/components/ui/link-button';
import { useRupees } from '@/components/ui/rupees';
import { ReceiptFrame, type ReceiptRow } from '@/components/ui/receipt-frame';
import { useI18n } from '@/components/i18n/i18n-provider';

const TITLE: Record<string, MessageKey> = {
  aeps_withdrawal: 'aeps.receipt.title.withdrawal',
  aeps_balance: 'aeps.receipt.title.balance',
  aeps_statement: 'aeps.receipt.title.statement',
};

/** The customer's mini statement as their bank gave it: date, narration, debit or credit, amount. */
export function StatementTable({ lines }: { lines: StatementLine[] }) {
  const { t } = useI18n();
  const rupees = useRupees();
  if (lines.length === 0) return <p data-testid="statement-empty">{t('aeps.statement.empty')}</p>;
  return (
    <table className="statement mt-3 w-full border-collapse text-left text-sm" data-testid="statement">
      <caption className="mb-1 text-left font-semibold">{t('aeps.statement.caption')}</caption>
      <thead>
        <tr className="border-b border-slate-400">
          <th scope="col" className="py-1 pr-2">
            {t('aeps.statement.date')}
          </th>
          <th scope="col" className="py-1 pr-2">
            {t('aeps.statement.narration')}
          </th>
          <th scope="col" className="py-1 pr-2">
            {t('aeps.statement.direction')}
          </th>
          <th scope="col" className="py-1 text-right">
            {t('aeps.statement.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line, i) => (
          <tr key={i} className="border-b border-slate-200" data-testid="statement-line">
            <td className="py-1 pr-2 whitespace-nowrap">{line.date}</td>
            <td className="py-1 pr-2 break-all">{line.narration}</td>
            <td className="py-1 pr-2">{t(line.direction === 'debit' ? 'aeps.statement.debit' : 'aeps.statement.credit')}</td>
            <td className="py-1 text-right tabular-nums">{rupees(line.amountPaise)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The customer's copy of an AePS transaction. A withdrawal's is rendered from its row and can be
 * reprinted from the history; a balance enquiry's or mini statement's carries figures that are
 * shown once (`balancePaise`, `lines`) and never kept, so it exists only on that screen.
 */
export function AepsReceipt({
  tx,
  training,
  balancePaise = null,
  lines = null,
}: {
  tx: TransactionView;
  training: boolean;
  balancePaise?: number | null;
  lines?: StatementLine[] | null;
}) {
  const { t, locale } = useI18n();
  const rupees = useRupees();
  const isWithdrawal = tx.kind === 'aeps_withdrawal';
  const orNone = (v: string | null | undefined) => (v ? v : '—');
  const balance = isWithdrawal ? (tx.aepsCustomer?.balanceAfterPaise ?? null) : balancePaise;
  const state = t(`transfer.state.${tx.state}`);
  const rows: ReceiptRow[] = [
    [t('receipt.time'), formatIndiaDateTime(tx.createdAt, locale), 'receipt-time'],
    [t('receipt.number'), tx.clientRefId, 'receipt-number'],
    [t('receipt.status'), isPending(tx) ? `${state}: ${t('aeps.doNotPayOut')}` : state, 'receipt-status'],
    [t('aeps.receipt.customer'), formatMobile(tx.senderMobile), 'receipt-customer'],
    [t('aeps.receipt.aadhaar'), maskedAadhaarOf(tx.aepsCustomer?.aadhaarLast4) ?? '—', 'receipt-aadhaar'],
    [t('receipt.bank'), orNone(tx.aepsCustomer?.bank), 'receipt-bank'],
  ];
  if (isWithdrawal) rows.push([t('aeps.receipt.paidOut'), tx.state === 'success' ? rupees(tx.amountPaise) : '—', 'receipt-paid-out']);
  if (isWithdrawal) rows.push([t('aeps.receipt.amount'), rupees(tx.amountPaise), 'receipt-amount']);
  rows.push(
    [t(isWithdrawal ? 'aeps.receipt.balanceAfter' : 'aeps.receipt.balance'), balance === null ? '—' : rupees(balance), 'receipt-balance'],
    [t('aeps.receipt.rrn'), orNone(tx.bankRef), 'receipt-rrn'],
    [t('receipt.ekoTid'), orNone(tx.ekoTid), 'receipt-tid'],
  );
  const spoken = isWithdrawal
    ? t(tx.state === 'success' ? 'aeps.receipt.speech.withdrawal' : 'aeps.receipt.speech.notPaid', {
        amount: rupees(tx.amountPaise),
        balance: balance === null ? t('aeps.receipt.speech.noBalance') : rupees(balance),
        status: state,
      })
    : t('aeps.receipt.speech.balance', { balance: balance === null ? t('aeps.receipt.speech.noBalance') : rupees(balance) });

  return (
    <ReceiptFrame
      tx={tx}
      title={t(TITLE[tx.kind] ?? 'aeps.receipt.title.withdrawal')}
      rows={rows}
      spoken={spoken}
      training={training}
      reprintable={isWithdrawal}
      footer={
        isWithdrawal && (
          <>
            <LinkButton href={`/transactions/${tx.id}`}>{t('aeps.toStatus')}</LinkButton>
            <LinkButton href="/aeps">{t('aeps.backToMenu')}</LinkButton>
            <LinkButton href="/transactions">{t('transfer.toHistory')}</LinkButton>
          </>
        )
      }
    >
      {lines && <StatementTable lines={lines} />}
      {isWithdrawal && isPending(tx) && <p className="mt-3 font-bold">{t('aeps.receipt.pendingNote')}</p>}
    </ReceiptFrame>
  );
}

/** /receipts/[id] for an enquiry: its figures were shown once and are not kept, so there is nothing to reprint. */
export function EnquiryReceiptGone({ tx }: { tx: TransactionView }) {
  const { t, locale } = useI18n();
  return (
    <div className="flex flex-col gap-4" data-testid="enquiry-receipt-gone">
      <h1 className="text-2xl font-bold">{t(TITLE[tx.kind] ?? 'aeps.receipt.title.balance')}</h1>
      <p>{t('aeps.receipt.onlyAtTheTime', { at: formatIndiaDateTime(tx.createdAt, locale) })}</p>
      <div className="flex flex-wrap gap-3">
        <LinkButton href={`/aeps/${tx.kind === 'aeps_statement' ? 'statement' : 'balance'}`} variant="primary">
          {t(tx.kind === 'aeps_statement' ? 'aeps.menu.statement' : 'aeps.menu.balance')}
        </LinkButton>
        <LinkButton href="/transactions">{t('transfer.toHistory')}</LinkButton>
      </div>
    </div>
  );
}
