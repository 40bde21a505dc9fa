'use client';

import { AppLink } from '@/components/ui/app-link';
import { useState } from 'react';
import { maskedAadhaarOf } from '@/lib/aadhaar/mask';
import { todayInIndia } from '@/lib/dates';
import { formatDay, formatMobile } from '@/lib/i18n/core';
import type { TransferHistoryFilters } from '@/lib/schemas/transfer';
import { isPending, TRANSACTION_STATES, type TransactionView } from '@/lib/transfers/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { LinkButton } from '@/components/ui/link-button';
import { onDemand, opening } from '@/components/ui/on-demand';
import { Spinner } from '@/components/ui/spinner';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { PendingTransfers } from './pending-transfers';
import { IndiaTime, StateBadge } from '@/components/ui/money';
import { useRupees } from '@/components/ui/rupees';
import { CheckAgainOnDemand } from './check-again-on-demand';
import { historyQuery, useHistory } from './use-history';

// The refund is for the few rows Eko could not deliver: its code comes when it is started, and
// starts coming when the pointer or focus reaches the button.
const RefundFlow = onDemand(() => import('./refund-flow').then((m) => m.RefundFlow), opening('refund.loading'));

const linkClass = 'inline-flex min-h-touch items-center rounded-lg border border-slate-400 bg-white px-4 font-semibold text-slate-900 hover:bg-slate-100';

function daysBefore(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - days * 86_400_000).toISOString().slice(0, 10);
}

function HistoryRow({ tx }: { tx: TransactionView }) {
  const { t } = useI18n();
  const rupees = useRupees();
  const [refunding, setRefunding] = useState(false);
  const isRefund = tx.kind === 'dmt_refund';
  return (
    <li className="flex flex-col gap-3 rounded-xl border border-slate-300 bg-white p-4" data-testid="history-row" data-tx={tx.id} data-state={tx.state}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xl font-bold tabular-nums">
            {rupees(tx.amountPaise)} {isRefund && <span className="text-base font-semibold">· {t('history.refund')}</span>}
          </p>
          <p className="font-semibold">
            {tx.recipient
              ? `${tx.recipient.name} · ${tx.recipient.bank} · ${tx.recipient.accountMasked}`
              : tx.aepsCustomer
                ? [t(`admin.tx.kind.${tx.kind}`), tx.aepsCustomer.bank, maskedAadhaarOf(tx.aepsCustomer.aadhaarLast4)].filter(Boolean).join(' · ')
                : '—'}
          </p>
          <p className="text-sm text-slate-800">
            {t(tx.aepsCustomer ? 'history.customer' : 'history.sender', { mobile: formatMobile(tx.senderMobile) })} · <IndiaTime iso={tx.createdAt} /> ·{' '}
            <code>{tx.clientRefId}</code>
          </p>
        </div>
        <StateBadge state={tx.state} />
      </div>
      <div className="flex flex-wrap items-start gap-3">
        <LinkButton href={`/receipts/${tx.id}`} aria-label={t('history.receiptOf', { ref: tx.clientRefId })}>
          {t('history.receipt')}
        </LinkButton>
        <LinkButton href={`/transactions/${tx.id}`} aria-label={t('history.statusOf', { ref: tx.clientRefId })}>
          {t('history.status')}
        </LinkButton>
        {((isPending(tx) && tx.state !== 'sending') || tx.state === 'refund_pending') && <CheckAgainOnDemand id={tx.id} />}
        {tx.state === 'refund_pending' && !refunding && (
          <Button onClick={() => setRefunding(true)} onPointerEnter={RefundFlow.preload} onFocus={RefundFlow.preload}>
            {t('history.refundStart')}
          </Button>
        )}
        {tx.refund && !refunding && <LinkButton href={`/receipts/${tx.refund.id}`}>{t('refund.receipt')}</LinkButton>}
      </div>
      {/* Once started it stays, so its outcome and the refund receipt's link outlive the row's refresh. */}
      {refunding && <RefundFlow tx={tx} />}
    </li>
  );
}

/** The agent's own transfers and refunds: today unless a range is chosen, by status, newest first. */
export function TransferHistory({ chosen, invalid }: { chosen: TransferHistoryFilters; invalid: Record<string, string> | null }) {
  const { t, tMaybe, locale } = useI18n();
  const today = todayInIndia();
  const filters: TransferHistoryFilters = chosen.from || chosen.to ? chosen : { ...chosen, from: today, to: today };
  const fieldErrors = Object.fromEntries(Object.entries(invalid ?? {}).map(([field, message]) => [field, tMaybe(message)]));
  const history = useHistory(filters);
  const page = history.data;

  const pageLink = (n: number) => `/transactions?${historyQuery({ ...filters, page: n })}`;

  return (
    <div className="flex flex-col gap-6">
      <PendingTransfers />

      <form
        method="get"
        action="/transactions"
        className="grid gap-4 rounded-xl border border-slate-300 bg-white p-4 sm:grid-cols-3"
        aria-label={t('history.filters')}
      >
        <TextField name="from" type="date" label={t('history.from')} defaultValue={filters.from ?? ''} max={today} error={fieldErrors.from} />
        <TextField name="to" type="date" label={t('history.to')} defaultValue={filters.to ?? ''} max={today} error={fieldErrors.to} />
        <SelectField name="state" label={t('history.state')} defaultValue={filters.state ?? ''} error={fieldErrors.state}>
          <option value="">{t('history.anyState')}</option>
          {TRANSACTION_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`transfer.state.${s}`)}
            </option>
          ))}
        </SelectField>
        <div className="flex flex-wrap gap-3 sm:col-span-3">
          <Button type="submit">{t('history.show')}</Button>
          <AppLink className={linkClass} href="/transactions">
            {t('history.today')}
          </AppLink>
          <AppLink className={linkClass} href={`/transactions?${historyQuery({ from: daysBefore(today, 6), to: today })}`}>
            {t('history.week')}
          </AppLink>
        </div>
      </form>
      {invalid && <Alert tone="error">{t('errors.invalid_input')}</Alert>}

      <section aria-labelledby="history-title" className="flex flex-col gap-3" aria-busy={history.isFetching}>
        <h2 id="history-title" className="text-xl font-bold">
          {filters.from === filters.to
            ? t('history.title.day', { day: formatDay(filters.from ?? today, locale) })
            : t('history.title.range', { from: filters.from ? formatDay(filters.from, locale) : '…', to: filters.to ? formatDay(filters.to, locale) : '…' })}
        </h2>
        {history.isPending && <Spinner label={t('history.loading')} />}
        {history.isError && <ApiErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
        {page && (
          <>
            <p className="text-slate-800" data-testid="history-count">
              {t('history.count', { total: page.total, page: page.page, pages: Math.max(page.pages, 1) })}
            </p>
            {page.rows.length === 0 ? (
              <p className="text-slate-800" data-testid="history-empty">
                {t('history.none')}
              </p>
            ) : (
              <ul className="flex flex-col gap-3" data-testid="history">
                {page.rows.map((tx) => (
                  <HistoryRow key={tx.id} tx={tx} />
                ))}
              </ul>
            )}
            <nav aria-label={t('history.pages')} className="flex gap-3">
              {page.page > 1 && (
                <AppLink className={linkClass} href={pageLink(page.page - 1)}>
                  {t('admin.activity.prev')}
                </AppLink>
              )}
              {page.page < page.pages && (
                <AppLink className={linkClass} href={pageLink(page.page + 1)}>
                  {t('admin.activity.next')}
                </AppLink>
              )}
            </nav>
          </>
        )}
      </section>
    </div>
  );
}
