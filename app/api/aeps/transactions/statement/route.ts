import { route } from '@/lib/api/handler';
import { agentOf } from '@/lib/auth/agent';
import { miniStatement } from '@/lib/aeps/transactions';
import { aepsCustomerSchema } from '@/lib/schemas/aeps';
import { viewOfRow } from '@/lib/transfers/loaders';

// POST /api/aeps/transactions/statement – mini statement: the customer's last transactions, shown once (never stored)
export const POST = route({
  access: 'agent',
  body: aepsCustomerSchema,
  maxBodyBytes: 64 * 1024,
  limits: ({ body, user }) => [
    { rule: 'aepsTransactionPerCustomer', key: body.customerMobile },
    { rule: 'aepsTransactionPerAgent', key: user.id },
  ],
  handler: async ({ body, user }) => {
    const { row, balancePaise, lines } = await miniStatement(agentOf(user), body);
    return { transaction: await viewOfRow(row), balancePaise, lines };
  },
});
