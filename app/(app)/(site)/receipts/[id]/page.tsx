import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ApiError } from '@/lib/api/errors';
import { AepsReceipt, EnquiryReceiptGone } from '@/components/aeps/aeps-receipt';
import { Receipt } from '@/components/transfers/receipt';
import { requirePageUser } from '@/lib/auth/current-user';
import { isSandboxMode } from '@/lib/auth/training';
import { titleFor } from '@/lib/i18n/server';
import { transactionForPage } from '@/lib/transfers/loaders';

export const generateMetadata = (): Promise<Metadata> => titleFor('receipt.title');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Another agent's transaction, or none: this agent's "not found" page, never an error page. */
const orNotFound = (error: unknown) => {
  if (error instanceof ApiError && error.code === 'not_found') notFound();
  throw error;
};

export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser('agent', `/receipts/${encodeURIComponent(id)}`);
  if (!UUID.test(id)) notFound();
  const transaction = await transactionForPage(id, user).catch(orNotFound);
  // A withdrawal reprints from its row; an enquiry's figures were never kept.
  if (transaction.kind === 'aeps_withdrawal') return <AepsReceipt tx={transaction} training={isSandboxMode()} />;
  if (transaction.kind === 'aeps_balance' || transaction.kind === 'aeps_statement') return <EnquiryReceiptGone tx={transaction} />;
  // A refund's receipt names the transfer it gives back.
  const original = transaction.refundOf ? await transactionForPage(transaction.refundOf, user).catch(orNotFound) : null;
  return <Receipt tx={transaction} original={original} training={isSandboxMode()} />;
}
