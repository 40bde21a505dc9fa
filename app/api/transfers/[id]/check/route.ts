import { route } from '@/lib/api/handler';
import { agentOf } from '@/lib/auth/agent';
import { transactionIdSchema } from '@/lib/schemas/transfer';
import { viewOfRow } from '@/lib/transfers/loaders';
import { checkNow } from '@/lib/transfers/service';

// POST /api/transfers/:id/check – "Check status again": the Transaction Inquiry, now, on the server
export const POST = route({
  access: 'agent',
  params: transactionIdSchema,
  limits: ({ user }) => [{ rule: 'transferCheckPerAgent', key: user.id }],
  handler: async ({ params, user }) => ({ transaction: await viewOfRow(await checkNow(agentOf(user), params.id)) }),
});
