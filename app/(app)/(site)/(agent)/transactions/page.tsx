import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { fieldsFromZod } from '@/lib/api/errors';
import { TransferHistory } from '@/components/transfers/history';
import { titleFor } from '@/lib/i18n/server';
import { type TransferHistoryFilters, transferHistorySchema } from '@/lib/schemas/transfer';

export const generateMetadata = (): Promise<Metadata> => titleFor('history.pageTitle');

type SearchParams = Record<string, string | string[] | undefined>;

export default async function TransactionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // The filters are read here, on the server: the browser gets them parsed, and no zod.
  const query = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value.at(-1) : value]));
  const parsed = transferHistorySchema.safeParse(query);
  const chosen: TransferHistoryFilters = parsed.success ? parsed.data : {};
  const invalid = parsed.success ? null : fieldsFromZod(parsed.error);
  return (
    <>
      <PageHeader title="history.pageTitle" intro="history.intro" />
      <TransferHistory chosen={chosen} invalid={invalid} />
    </>
  );
}
