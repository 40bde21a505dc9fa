import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { TransactionStatus } from '@/components/transfers/transaction-status';
import { requirePageUser } from '@/lib/auth/current-user';
import { titleFor } from '@/lib/i18n/server';
import { transactionForPage } from '@/lib/transfers/loaders';

export const generateMetadata = (): Promise<Metadata> => titleFor('status.title');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function TransactionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser('agent', `/transactions/${encodeURIComponent(id)}`);
  const transaction = UUID.test(id) ? await transactionForPage(id, user) : null;
  if (!transaction) notFound();
  return (
    <>
      <PageHeader title="status.title" intro="status.intro" />
      <TransactionStatus initial={transaction} />
    </>
  );
}
