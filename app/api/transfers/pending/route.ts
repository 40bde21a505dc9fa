import { route } from '@/lib/api/handler';
import { pendingQuerySchema } from '@/lib/schemas/transfer';
import { pendingTransfersOf } from '@/lib/transfers/loaders';

// GET /api/transfers/pending – the agent's transactions whose outcome is not known yet ("do not pay again")
export const GET = route({
  access: 'agent',
  query: pendingQuerySchema,
  handler: async ({ query, user }) => ({ pending: await pendingTransfersOf(user.id, query.senderMobile) }),
});
