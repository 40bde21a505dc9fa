import { route } from '@/lib/api/handler';
import { transactionIdSchema } from '@/lib/schemas/transfer';
import { transactionForPage } from '@/lib/transfers/loaders';

// GET /api/transfers/:id – one transaction as it stands (the agent's own; any for an admin)
export const GET = route({
  access: 'user',
  params: transactionIdSchema,
  handler: async ({ params, user }) => ({ transaction: await transactionForPage(params.id, user) }),
});
