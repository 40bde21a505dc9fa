import { route } from '@/lib/api/handler';
import { agentOf } from '@/lib/auth/agent';
import { refundSchema, transactionIdSchema } from '@/lib/schemas/transfer';
import { viewOfRow } from '@/lib/transfers/loaders';
import { refundTransfer } from '@/lib/transfers/service';

// POST /api/transfers/:id/refund – the refund: recorded first, sent once; answers the refund's own row
export const POST = route({
  access: 'agent',
  params: transactionIdSchema,
  body: refundSchema,
  limits: ({ user }) => [{ rule: 'refundPerAgent', key: user.id }],
  handler: async ({ params, body, user }) => ({ transaction: await viewOfRow(await refundTransfer(agentOf(user), params.id, body)) }),
});
