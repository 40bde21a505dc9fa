import { route } from '@/lib/api/handler';
import { adminTransactionFilterSchema } from '@/lib/schemas/transfer';
import { networkHistory } from '@/lib/transfers/loaders';

// GET /api/admin/transactions – the network's transactions (agent, state, kind, dates, amount)
export const GET = route({
  access: 'admin',
  query: adminTransactionFilterSchema,
  handler: async ({ query }) => networkHistory(query),
});
