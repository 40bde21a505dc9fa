import type { Metadata } from 'next';
import { AdminTransactions } from '@/components/admin/transactions-page';
import { agentsPage } from '@/lib/admin/loaders';
import { fieldsFromZod } from '@/lib/api/errors';
import { requirePageUser } from '@/lib/auth/current-user';
import { translateMaybe } from '@/lib/i18n';
import { requestLocale, titleFor } from '@/lib/i18n/server';
import { metricsRangeSchema } from '@/lib/schemas/admin';
import { adminTransactionFilterSchema } from '@/lib/schemas/transfer';
import { adminTransactionsSummary } from '@/lib/transfers/loaders';

export const generateMetadata = (): Promise<Metadata> => titleFor('admin.tx.title');

export default async function AdminTransactionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('admin', '/admin/transactions');
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const range = metricsRangeSchema.safeParse(raw);
  const days = (range.success && range.data.days) || 14;
  const parsed = adminTransactionFilterSchema.safeParse(raw);
  const locale = await requestLocale();
  const fieldErrors = parsed.success ? null : Object.fromEntries(Object.entries(fieldsFromZod(parsed.error)).map(([f, k]) => [f, translateMaybe(locale, k)]));
  const [summary, agents] = await Promise.all([adminTransactionsSummary(days), agentsPage({ pageSize: 500 })]);
  return (
    <AdminTransactions
      summary={summary}
      days={days}
      agents={agents.rows.map((a) => ({ id: a.id, name: a.name, mobile: a.mobile }))}
      filters={parsed.success ? parsed.data : {}}
      fieldErrors={fieldErrors}
    />
  );
}
