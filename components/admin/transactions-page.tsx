import clsx from 'clsx';
import { AppLink } from '@/components/ui/app-link';
import { formatAge, formatInr, formatMobile, paiseToRupees } from '@/lib/i18n';
import { serverI18n } from '@/lib/i18n/server';
import { todayInIndia } from '@/lib/dates';
import type { AdminTransactionFilters } from '@/lib/schemas/transfer';
import { filterQuery } from '@/lib/transfers/filter-query';
import { type DeclineReason, TRANSACTION_KINDS, TRANSACTION_STATES, type TransactionsSummary } from '@/lib/transfers/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { BarChart, lastDays } from './bar-chart';
import { CloseTransactionForm } from './close-transaction-form';
import { DataTable } from './data-table';
import { indiaDateTime } from './labels';
import { AdminTransactionsTable } from './transactions-table';

function Kpi({ label, value, testId, tone }: { label: string; value: number; testId: string; tone: string }) {
  return (
    <div className={clsx('rounded-xl border bg-white p-4', tone)}>
      <p className="text-sm text-slate-700">{label}</p>
      <p className="text-3xl font-bold tabular-nums" data-testid={testId}>
        {value.toLocaleString('en-IN')}
      </p>
    </div>
  );
}

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="flex min-w-0 flex-col gap-3 rounded-xl border border-slate-300 bg-white p-4" data-testid={testId}>
      <h2 className="text-xl font-bold">{title}</h2>
      {children}
    </section>
  );
}

/**
 * Money across the network: the summary of the last `days` days (the loader's), the awaited queue
 * to chase, and every transaction matching the filters (read by the table from the API).
 */
export async function AdminTransactions({
  summary,
  days,
  agents,
  filters,
  fieldErrors,
}: {
  summary: TransactionsSummary;
  days: number;
  agents: { id: string; name: string; mobile: string }[];
  filters: AdminTransactionFilters;
  /** Filter fields the schema refused, already in words. */
  fieldErrors: Record<string, string> | null;
}) {
  const { locale, t } = await serverI18n();
  const period = lastDays(days, todayInIndia());
  const byDay = new Map(summary.perDay.map((d) => [d.day, d]));
  const inr = (paise: number | null) => (paise === null ? '—' : formatInr(paiseToRupees(paise), locale));
  const count = (...states: (keyof TransactionsSummary['byState'])[]) => states.reduce((sum, s) => sum + (summary.byState[s] ?? 0), 0);
  const totalCount = summary.perDay.reduce((s, d) => s + d.count, 0);
  const totalValue = summary.perDay.reduce((s, d) => s + d.valuePaise, 0);
  const qs = filterQuery({ ...filters, page: undefined });
  const reasonLabel = (reason: DeclineReason | null) => (reason ? t(`admin.reason.declined.${reason}`) : '—');
  const aepsByDay = new Map(summary.aepsPerDay.map((d) => [d.day, d]));
  const withdrawn = summary.aepsPerDay.reduce((s, d) => s + d.withdrawnPaise, 0);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-bold">{t('admin.tx.title')}</h1>
        <nav aria-label={t('admin.range')}>
          <ul className="flex gap-2">
            {[7, 14, 30].map((d) => (
              <li key={d}>
                <AppLink
                  href={`/admin/transactions?${qs ? `${qs}&` : ''}days=${d}`}
                  aria-current={d === days ? 'page' : undefined}
                  className={clsx(
                    'inline-flex min-h-touch items-center rounded-lg border px-3 font-semibold',
                    d === days ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-400 bg-white text-brand-800',
                  )}
                >
                  {t('admin.range.days', { days: d })}
                </AppLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>

      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Kpi label={t('admin.tx.kpi.success')} value={count('success')} testId="kpi-tx-success" tone="border-green-700" />
        <Kpi label={t('admin.tx.kpi.failed')} value={count('failed', 'declined', 'refund_pending', 'refunded')} testId="kpi-tx-failed" tone="border-red-700" />
        <Kpi label={t('admin.tx.kpi.awaited')} value={summary.awaitedQueue.length} testId="kpi-tx-awaited" tone="border-amber-600" />
      </div>

      <Section title={t('admin.tx.queue.title')} testId="awaited-queue">
        <p className="text-slate-700">{t('admin.tx.queue.intro')}</p>
        <DataTable
          caption={t('admin.tx.queue.title')}
          testId="awaited-queue-table"
          headers={[
            t('admin.tx.queue.age'),
            t('admin.col.agent'),
            t('receipt.sender'),
            t('receipt.recipient'),
            t('receipt.amount'),
            t('receipt.status'),
            t('receipt.number'),
            t('receipt.ekoTid'),
            t('admin.col.action'),
          ]}
          rows={summary.awaitedQueue.map((r) => [
            <strong key="age">{formatAge(r.ageSeconds, locale)}</strong>,
            r.agent.name,
            formatMobile(r.senderMobile),
            // An AePS withdrawal has no recipient: its kind and the customer's bank say what it is.
            r.recipient?.name ?? (r.aepsCustomer ? `${t(`admin.tx.kind.${r.kind}`)} · ${r.aepsCustomer.bank}` : '—'),
            inr(r.amountPaise),
            t(`transfer.state.${r.state}`),
            <code key="ref">{r.clientRefId}</code>,
            r.ekoTid ?? '—',
            r.closable ? <CloseTransactionForm key="close" id={r.id} reference={r.clientRefId} /> : '—',
          ])}
          empty={t('admin.tx.queue.none')}
        />
      </Section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Section title={t('admin.tx.perDay.count')}>
          <BarChart
            title={t('admin.tx.perDay.count')}
            summary={t('admin.tx.perDay.countSummary', { total: totalCount, days })}
            days={period}
            series={[{ label: t('admin.tx.perDay.transfers'), colour: '#1d5fc2' }]}
            values={period.map((d) => [byDay.get(d)?.count ?? 0])}
            testId="tx-count-per-day"
            locale={locale}
            dayLabel={t('admin.col.day')}
          />
        </Section>
        <Section title={t('admin.tx.perDay.value')}>
          <BarChart
            title={t('admin.tx.perDay.value')}
            summary={t('admin.tx.perDay.valueSummary', { total: inr(totalValue), days })}
            days={period}
            series={[{ label: t('admin.tx.perDay.rupees'), colour: '#15803d' }]}
            values={period.map((d) => [Math.round(paiseToRupees(byDay.get(d)?.valuePaise ?? 0))])}
            testId="tx-value-per-day"
            locale={locale}
            dayLabel={t('admin.col.day')}
          />
        </Section>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Section title={t('admin.tx.reasons.title')}>
          <DataTable
            caption={t('admin.tx.reasons.title')}
            testId="tx-failure-reasons"
            headers={[t('receipt.status'), t('admin.failures.reason'), t('admin.failures.count')]}
            rows={summary.failureReasons.map((r) => [t(`transfer.state.${r.state}`), reasonLabel(r.reason), r.count])}
            empty={t('admin.none')}
          />
        </Section>
        <Section title={t('admin.tx.mismatch.title')}>
          <p className="text-slate-700">{t('admin.tx.mismatch.intro')}</p>
          <DataTable
            caption={t('admin.tx.mismatch.title')}
            testId="tx-fee-mismatches"
            headers={[
              t('admin.activity.time'),
              t('admin.col.agent'),
              t('receipt.amount'),
              t('admin.tx.mismatch.estimate'),
              t('admin.tx.mismatch.eko'),
              t('receipt.number'),
            ]}
            rows={summary.feeMismatches.map((r) => [
              indiaDateTime(new Date(r.createdAt), locale),
              r.agent.name,
              inr(r.amountPaise),
              inr(r.feeEstimatePaise),
              inr(r.feePaise),
              <code key="ref">{r.clientRefId}</code>,
            ])}
            empty={t('admin.none')}
          />
        </Section>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Section title={t('admin.tx.aeps.perDay')}>
          <BarChart
            title={t('admin.tx.aeps.perDay')}
            summary={t('admin.tx.aeps.summary', { total: inr(withdrawn), days })}
            days={period}
            series={[
              { label: t('admin.tx.aeps.withdrawals'), colour: '#b45309' },
              { label: t('admin.tx.aeps.enquiries'), colour: '#64748b' },
            ]}
            values={period.map((d) => [aepsByDay.get(d)?.withdrawals ?? 0, aepsByDay.get(d)?.enquiries ?? 0])}
            testId="aeps-per-day"
            locale={locale}
            dayLabel={t('admin.col.day')}
          />
        </Section>
        <Section title={t('admin.tx.aeps.byBank')}>
          <DataTable
            caption={t('admin.tx.aeps.byBank')}
            testId="aeps-failures-by-bank"
            headers={[t('receipt.bank'), t('admin.failures.reason'), t('admin.failures.count')]}
            rows={summary.aepsFailuresByBank.map((r) => [r.bank, reasonLabel(r.reason), r.count])}
            empty={t('admin.none')}
          />
        </Section>
      </div>

      <Section title={t('admin.tx.all')}>
        <form method="get" action="/admin/transactions" className="grid gap-4 md:grid-cols-3 lg:grid-cols-4" aria-label={t('admin.tx.filters')}>
          <input type="hidden" name="days" value={days} />
          <SelectField name="agent" label={t('admin.activity.filter.agent')} defaultValue={filters.agent ?? ''} error={fieldErrors?.agent}>
            <option value="">{t('admin.activity.filter.anyAgent')}</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.mobile})
              </option>
            ))}
          </SelectField>
          <SelectField name="state" label={t('receipt.status')} defaultValue={filters.state ?? ''} error={fieldErrors?.state}>
            <option value="">{t('history.anyState')}</option>
            {TRANSACTION_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`transfer.state.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField name="kind" label={t('admin.tx.kind')} defaultValue={filters.kind ?? ''} error={fieldErrors?.kind}>
            <option value="">{t('admin.tx.anyKind')}</option>
            {TRANSACTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`admin.tx.kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <TextField name="from" type="date" label={t('admin.activity.filter.from')} defaultValue={filters.from ?? ''} error={fieldErrors?.from} />
          <TextField name="to" type="date" label={t('admin.activity.filter.to')} defaultValue={filters.to ?? ''} error={fieldErrors?.to} />
          <TextField name="min" label={t('admin.tx.min')} inputMode="numeric" defaultValue={filters.min ?? ''} error={fieldErrors?.min} />
          <TextField name="max" label={t('admin.tx.max')} inputMode="numeric" defaultValue={filters.max ?? ''} error={fieldErrors?.max} />
          <div className="flex flex-wrap items-end gap-3 md:col-span-3 lg:col-span-4">
            <Button type="submit">{t('admin.activity.filter.apply')}</Button>
            <AppLink href="/admin/transactions" className="inline-flex min-h-touch items-center rounded-lg px-3 font-semibold text-brand-700 underline">
              {t('admin.activity.filter.clear')}
            </AppLink>
            <a
              href={`/api/admin/transactions/export${qs ? `?${qs}` : ''}`}
              className="inline-flex min-h-touch items-center rounded-lg border border-slate-400 bg-white px-4 font-semibold text-slate-900"
              download
              data-testid="admin-tx-csv"
            >
              {t('admin.activity.export')}
            </a>
          </div>
        </form>
        {fieldErrors && <Alert tone="error">{t('errors.invalid_input')}</Alert>}
        <AdminTransactionsTable filters={filters} />
      </Section>
    </div>
  );
}
