import { route } from '@/lib/api/handler';
import { transactionIdSchema } from '@/lib/schemas/transfer';
import { issueReceipt } from '@/lib/transfers/service';

// POST /api/transfers/:id/receipt – the receipt was printed or shared (the first time is kept; later copies are reprints)
export const POST = route({
  access: 'user',
  params: transactionIdSchema,
  handler: async ({ params, user }) => ({ receiptFirstIssuedAt: (await issueReceipt(user, params.id)).toISOString() }),
});
