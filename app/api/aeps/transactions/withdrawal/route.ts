import { route } from '@/lib/api/handler';
import { agentOf } from '@/lib/auth/agent';
import { withdraw } from '@/lib/aeps/transactions';
import { aepsWithdrawalSchema } from '@/lib/schemas/aeps';
import { viewOfRow } from '@/lib/transfers/loaders';

// POST /api/aeps/transactions/withdrawal – cash withdrawal: recorded first, sent once, never retried
export const POST = route({
  access: 'agent',
  body: aepsWithdrawalSchema,
  maxBodyBytes: 64 * 1024,
  limits: ({ body, user }) => [
    { rule: 'aepsTransactionPerCustomer', key: body.customerMobile },
    { rule: 'aepsTransactionPerAgent', key: user.id },
  ],
  handler: async ({ body, user }) => ({ transaction: await viewOfRow(await withdraw(agentOf(user), body)) }),
});
