'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AppLink } from '@/components/ui/app-link';
import { maskedAadhaarOf } from '@/lib/aadhaar/mask';
import { apiRequest } from '@/lib/api/client';
import { formatInr, formatMobile, paiseToRupees } from '@/lib/i18n/core';
import type { AdminTransactionFilters } from '@/lib/schemas/transfer';
import { filterQuery } from '@/lib/transfers/filter-query';
import type { TransactionView } from '@/lib/transfers/types';
import { IndiaTime } from '@/components/ui/money';
import { Spinner } from '@/components/ui/spinner';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { DataTable } from './data-table';

interface AdminTransactionsPage {
  rows: TransactionView[];
  total: number;
  page: number;
  pages: number;
}

const pageLinkClass = 'inline-flex min-h-touch items-center rounded-lg border border-slate-400 bg-white px-4 font-semibold';

/** Every agent's transactions matching the filters, newest first, a page at a time. */
export function AdminTransactionsTable({ filters }: { filters: AdminTransactionFilters }) {
  const { t, locale } = useI18n();
  const qs = filterQuery(filters);
  const query = useQuery({
    queryKey: ['admin', 'transactions', qs],
    queryFn: () => apiRequest<AdminTransactionsPage>(`/api/admin/transactions${qs ? `?${qs}` : ''}`),
    placeholderData: keepPreviousData,
  });
  const money = (paise: number | null) => (paise === null ? '—' : formatInr(paiseToRupees(paise), locale));
  if (query.isPending) return <Spinner label={t('admin.tx.loading')} />;
  if (query.isError) return <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-slate-700" data-testid="admin-tx-count">
        {t('admin.tx.count', { total: data.total, page: data.page, pages: Math.max(data.pages, 1) })}
      </p>
      <DataTable
        caption={t('admin.tx.title')}
        testId="admin-tx-table"
        headers={[
          t('admin.activity.time'),
          t('admin.col.agent'),
          t('admin.tx.kind'),
          t('receipt.sender'),
          t('receipt.recipient'),
          t('receipt.amount'),
          t('admin.tx.fee'),
          t('receipt.status'),
          t('receipt.ekoTid'),
          t('receipt.bankRef'),
          t('receipt.number'),
        ]}
        rows={data.rows.map((r) => [
          <IndiaTime key="at" iso={r.createdAt} />,
          r.agent.name,
          t(`admin.tx.kind.${r.kind}`),
          formatMobile(r.senderMobile),
          r.recipient
            ? `${r.recipient.name} · ${r.recipient.bank} · ${r.recipient.accountMasked}`
            : r.aepsCustomer
              ? [r.aepsCustomer.bank, maskedAadhaarOf(r.aepsCustomer.aadhaarLast4)].filter(Boolean).join(' · ')
              : '—',
          money(r.amountPaise),
          <span key="fee" className={r.feeMismatch ? 'font-bold text-red-800' : undefined}>
            {money(r.feePaise)}
            {r.feeMismatch && ` (${t('admin.tx.feeEstimate', { fee: money(r.feeEstimatePaise) })})`}
          </span>,
          t(`transfer.state.${r.state}`),
          r.ekoTid ?? '—',
          r.bankRef ?? '—',
          <code key="ref">{r.clientRefId}</code>,
        ])}
        empty={t('admin.tx.none')}
      />
      <nav aria-label={t('admin.tx.pages')} className="flex gap-3">
        {data.page > 1 && (
          <AppLink className={pageLinkClass} href={`/admin/transactions?${filterQuery({ ...filters, page: data.page - 1 })}`}>
            {t('admin.activity.prev')}
          </AppLink>
        )}
        {data.page < data.pages && (
          <AppLink className={pageLinkClass} href={`/admin/transactions?${filterQuery({ ...filters, page: data.page + 1 })}`}>
            {t('admin.activity.next')}
          </AppLink>
        )}
      </nav>
    </div>
  );
}
