'use client';

import clsx from 'clsx';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { formatIndiaDateTime, formatMobile, type MessageKey } from '@/lib/i18n/core';
import type { TransactionView } from '@/lib/transfers/types';
import { Button } from '@/components/ui/button';
import { LinkButton } from '@/components/ui/link-button';
import { ReadAloud } from '@/components/ui/read-aloud';
import { useI18n } from '@/components/i18n/i18n-provider';
import { Facts, useRupees } from './parts';
import { isPending, useIssueReceipt } from './use-transfers';

export type Paper = 'a4' | '80' | '58';
const PAPERS: Paper[] = ['a4', '80', '58'];
const PAPER_KEY = 'ad_receipt_paper';

/** The printer's paper, for the browser's print layout. Thermal rolls print as long as the slip needs. */
const PAGE_RULE: Record<Paper, string> = {
  a4: '@page { size: A4; margin: 15mm; }',
  '80': '@page { size: 80mm 297mm; margin: 3mm; }',
  '58': '@page { size: 58mm 297mm; margin: 2mm; }',
};

/** The paper this counter prints on (a preference of the device, nothing about a customer). */
function usePaper(): [Paper, (p: Paper) => void] {
  const [paper, setPaper] = useState<Paper>('a4');
  useEffect(() => {
    const saved = localStorage.getItem(PAPER_KEY);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the device's choice, known only after hydration
    if (saved === '80' || saved === '58') setPaper(saved);
  }, []);
  return [
    paper,
    (p) => {
      setPaper(p);
      localStorage.setItem(PAPER_KEY, p);
    },
  ];
}

const canShare = () => typeof navigator !== 'undefined' && typeof navigator.share === 'function';
const noSubscription = () => () => {};

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
  const rows: [string, string, string?][] = [
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
  const { t, locale } = useI18n();
  const rupees = useRupees();
  const rows = useReceiptRows({ tx, original });
  const [paper, setPaper] = usePaper();
  const issue = useIssueReceipt(tx.id);
  const [issuedAt, setIssuedAt] = useState<string | null>(tx.receiptFirstIssuedAt);
  /** When this copy is being printed, if it is a reprint. */
  const [reprintAt, setReprintAt] = useState<string | null>(null);
  const issuedRef = useRef(tx.receiptFirstIssuedAt !== null);
  const shareable = useSyncExternalStore(noSubscription, canShare, () => false);
  const isRefund = tx.kind === 'dmt_refund';

  const markIssued = () => {
    if (issuedRef.current) return;
    issuedRef.current = true;
    issue.mutate(undefined, {
      onSuccess: (r) => setIssuedAt(r.receiptFirstIssuedAt),
      onError: () => {
        issuedRef.current = false;
      },
    });
  };
  const markIssuedRef = useRef(markIssued);
  useEffect(() => {
    markIssuedRef.current = markIssued;
  });

  // Ctrl+P prints as the button does: the copy says "Reprint" if one was given before.
  useEffect(() => {
    const before = () => {
      const now = new Date().toISOString();
      flushSync(() => setReprintAt(issuedRef.current ? now : null));
      markIssuedRef.current();
    };
    window.addEventListener('beforeprint', before);
    return () => window.removeEventListener('beforeprint', before);
  }, []);

  const print = () => {
    const now = new Date().toISOString();
    flushSync(() => setReprintAt(issuedRef.current ? now : null));
    markIssued();
    window.print();
  };

  const shareText = [
    tx.agent.shopName ?? tx.agent.name,
    t(isRefund ? 'receipt.title.refund' : 'receipt.title'),
    ...rows.filter(([, value]) => value !== '—').map(([label, value]) => `${label}: ${value}`),
    training ? t('receipt.training') : null,
  ]
    .filter(Boolean)
    .join('\n');

  const share = async () => {
    try {
      await navigator.share({ title: t(isRefund ? 'receipt.title.refund' : 'receipt.title'), text: shareText });
      markIssued();
    } catch {
      // Cancelled by the agent, or refused by the browser: nothing was given out.
    }
  };

  const spoken = t(isRefund ? 'receipt.speech.refund' : 'receipt.speech', {
    amount: rupees(isRefund ? (tx.refundedPaise ?? tx.amountPaise) : tx.amountPaise),
    name: (isRefund ? original?.recipient?.name : tx.recipient?.name) ?? '',
    status: statusWords(t, tx),
  });

  return (
    <div className="flex flex-col gap-5">
      <style>{`@media print { ${PAGE_RULE[paper]} }`}</style>
      <div className="flex flex-col gap-3 rounded-xl border border-slate-300 bg-white p-4 print:hidden" data-testid="receipt-actions">
        <fieldset className="flex flex-wrap items-center gap-2">
          <legend className="mb-1 text-sm font-semibold text-slate-800">{t('receipt.paper')}</legend>
          {PAPERS.map((p) => (
            <label
              key={p}
              className={clsx(
                'inline-flex min-h-touch cursor-pointer items-center gap-2 rounded-lg border px-3 font-semibold has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-600',
                paper === p ? 'border-brand-700 bg-brand-50' : 'border-slate-400 bg-white',
              )}
            >
              <input type="radio" name="paper" value={p} checked={paper === p} onChange={() => setPaper(p)} className="h-5 w-5" />
              {t(`receipt.paper.${p}`)}
            </label>
          ))}
        </fieldset>
        <div className="flex flex-wrap gap-3">
          <Button onClick={print} data-testid="print-receipt">
            {issuedAt ? t('receipt.reprint.button') : t('receipt.print')}
          </Button>
          {shareable && (
            <Button variant="secondary" onClick={() => void share()} data-testid="share-receipt">
              {t('receipt.share')}
            </Button>
          )}
          <ReadAloud text={spoken} lang={locale === 'hi' ? 'hi-IN' : 'en-IN'} label={t('receipt.readAloud')} stopLabel={t('receipt.readAloud.stop')} />
        </div>
        {issuedAt && (
          <p className="text-sm text-slate-800" data-testid="receipt-issued">
            {t('receipt.issuedAt', { at: formatIndiaDateTime(issuedAt, locale) })}
          </p>
        )}
      </div>

      <article
        className="receipt mx-auto w-full max-w-xl rounded-xl border border-slate-300 bg-white p-4 text-slate-950 sm:p-6"
        data-paper={paper}
        data-testid="receipt"
        aria-labelledby="receipt-title"
      >
        <div className="receipt-shop border-b border-dashed border-slate-400 pb-3 text-center">
          <p className="text-xl font-bold" data-testid="receipt-shop">
            {tx.agent.shopName ?? tx.agent.name}
          </p>
          {tx.agent.shopAddress && <p className="text-sm break-words">{tx.agent.shopAddress}</p>}
          <p className="text-sm">{t('receipt.agent', { name: tx.agent.name })}</p>
        </div>
        <h1 id="receipt-title" className="mt-3 text-center text-lg font-bold">
          {t(isRefund ? 'receipt.title.refund' : 'receipt.title')}
        </h1>
        <p className="text-center text-sm">{t('receipt.customerCopy')}</p>
        {reprintAt && (
          <p className="mt-2 text-center font-bold uppercase" data-testid="receipt-reprint">
            {t('receipt.reprint', { at: formatIndiaDateTime(reprintAt, locale), first: issuedAt ? formatIndiaDateTime(issuedAt, locale) : '—' })}
          </p>
        )}
        {issuedAt && !reprintAt && (
          <p className="mt-2 text-center font-bold uppercase" data-testid="receipt-reprint">
            {t('receipt.reprint.since', { at: formatIndiaDateTime(issuedAt, locale) })}
          </p>
        )}
        <Facts className="mt-3" rows={rows} testId="receipt-facts" />
        {isPending(tx) && <p className="mt-3 font-bold">{t('receipt.pendingNote')}</p>}
        {training && (
          <p className="mt-3 border-t border-dashed border-slate-400 pt-2 text-center text-sm font-bold" data-testid="receipt-training">
            {t('receipt.training')}
          </p>
        )}
      </article>

      <div className="flex flex-wrap gap-3 print:hidden">
        <LinkButton href={`/transactions/${tx.id}`}>{t('receipt.toStatus')}</LinkButton>
        <LinkButton href={`/senders?mobile=${tx.senderMobile}`}>{t('send.backToSender')}</LinkButton>
        <LinkButton href="/transactions">{t('transfer.toHistory')}</LinkButton>
      </div>
    </div>
  );
}
