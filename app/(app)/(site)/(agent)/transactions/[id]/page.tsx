import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ApiError } from '@/lib/api/errors';
import { AepsTransactionStatus } from '@/components/aeps/aeps-outcome';
import { PageHeader } from '@/components/layout/page-header';
import { TransactionStatus } from '@/components/transfers/transaction-status';
import { requirePageUser } from '@/lib/auth/current-user';
import { titleFor } from '@/lib/i18n/server';
import { transactionForPage } from '@/lib/transfers/loaders';

export const generateMetadata = (): Promise<Metadata> => titleFor('status.title');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Another agent's transaction, or none: this agent's "not found" page, never an error page. */
const orNotFound = (error: unknown) => {
  if (error instanceof ApiError && error.code === 'not_found') notFound();
  throw error;
};

export default async function TransactionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser('agent', `/transactions/${encodeURIComponent(id)}`);
  if (!UUID.test(id)) notFound();
  const transaction = await transactionForPage(id, user).catch(orNotFound);
  if (transaction.kind.startsWith('aeps_')) {
    return (
      <>
        <PageHeader title="aeps.status.title" intro="aeps.status.intro" />
        <AepsTransactionStatus initial={transaction} />
      </>
    );
  }
  return (
    <>
      <PageHeader title="status.title" intro="status.intro" />
      <TransactionStatus initial={transaction} />
    </>
  );
}
