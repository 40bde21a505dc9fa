import { route } from '@/lib/api/handler';
import { agentOf } from '@/lib/auth/agent';
import { transferHistorySchema, transferSchema } from '@/lib/schemas/transfer';
import { agentHistory, viewOfRow } from '@/lib/transfers/loaders';
import { initiateTransfer } from '@/lib/transfers/service';

// GET /api/transfers – the agent's own transactions (date range in India's calendar, state, page)
export const GET = route({
  access: 'agent',
  query: transferHistorySchema,
  handler: async ({ query, user }) => agentHistory(user.id, query),
});

// POST /api/transfers – Initiate Transfer: recorded first, sent once, never retried
export const POST = route({
  access: 'agent',
  body: transferSchema,
  limits: ({ body, user }) => [
    { rule: 'transferPerSender', key: body.senderMobile },
    { rule: 'transferPerAgent', key: user.id },
  ],
  handler: async ({ body, user }) => ({ transaction: await viewOfRow(await initiateTransfer(agentOf(user), body)) }),
});
