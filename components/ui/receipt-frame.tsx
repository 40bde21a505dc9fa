'use client';

import clsx from 'clsx';
import { type ReactNode, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { apiRequest } from '@/lib/api/client';
import { formatIndiaDateTime } from '@/lib/i18n/core';
import type { TransactionView } from '@/lib/transfers/types';
import { useI18n } from '@/components/i18n/i18n-provider';
import { Button } from './button';
import { Facts } from './facts';
import { ReadAloud } from './read-aloud';

// The customer's copy of any transaction (a transfer, a refund, an AePS withdrawal or enquiry):
// paper choice, print, share and read aloud around the facts each feature puts on it.

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

export type ReceiptRow = [label: string, value: string, testId?: string];

/**
 * `reprintable`: the receipt is rendered from the transaction row and can be given again; the first
 * print or share is recorded and every later copy says "Reprint" with its time. An enquiry's
 * receipt (its figures are not kept) passes false: it exists only on this screen.
 */
export function ReceiptFrame({
  tx,
  title,
  rows,
  spoken,
  training,
  reprintable,
  children,
  footer,
}: {
  tx: Pick<TransactionView, 'id' | 'agent' | 'receiptFirstIssuedAt'>;
  title: string;
  rows: ReceiptRow[];
  /** What Read aloud says: the amount and the balance, in the agent's language. */
  spoken: string;
  training: boolean;
  reprintable: boolean;
  /** More of the slip, after the facts (a statement's lines, a pending note). */
  children?: ReactNode;
  /** Links under the slip (never printed). */
  footer?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const [paper, setPaper] = usePaper();
  const [issuedAt, setIssuedAt] = useState<string | null>(reprintable ? tx.receiptFirstIssuedAt : null);
  /** When this copy is being printed, if it is a reprint. */
  const [reprintAt, setReprintAt] = useState<string | null>(null);
  const issuedRef = useRef(reprintable && tx.receiptFirstIssuedAt !== null);
  const shareable = useSyncExternalStore(noSubscription, canShare, () => false);

  const markIssued = () => {
    if (!reprintable || issuedRef.current) return;
    issuedRef.current = true;
    apiRequest<{ receiptFirstIssuedAt: string }>(`/api/transfers/${tx.id}/receipt`, { method: 'POST', json: {} }).then(
      (r) => setIssuedAt(r.receiptFirstIssuedAt),
      () => {
        issuedRef.current = false;
      },
    );
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
    title,
    ...rows.filter(([, value]) => value !== '—').map(([label, value]) => `${label}: ${value}`),
    training ? t('receipt.training') : null,
  ]
    .filter(Boolean)
    .join('\n');

  const share = async () => {
    try {
      await navigator.share({ title, text: shareText });
      markIssued();
    } catch {
      // Cancelled by the agent, or refused by the browser: nothing was given out.
    }
  };

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
          {title}
        </h1>
        <p className="text-center text-sm">{t('receipt.customerCopy')}</p>
        {reprintAt && (
          <p className="mt-2 text-center font-bold uppercase" data-testid="receipt-reprint">
            {t('receipt.reprint', { at: formatIndiaDateTime(reprintAt, locale), first: issuedAt ? formatIndiaDateTime(issuedAt, locale) : '—' })}
          </p>
        )}
        {issuedAt && !reprintAt && (
          <p className="mt-2 text-center font-bold uppercase" data-testid="receipt-reprint">
            {t('receipt.reprint.since', { first: formatIndiaDateTime(issuedAt, locale) })}
          </p>
        )}
        <Facts className="mt-3" rows={rows} testId="receipt-facts" />
        {children}
        {training && (
          <p className="mt-3 border-t border-dashed border-slate-400 pt-2 text-center text-sm font-bold" data-testid="receipt-training">
            {t('receipt.training')}
          </p>
        )}
      </article>

      {footer && <div className="flex flex-wrap gap-3 print:hidden">{footer}</div>}
    </div>
  );
}
