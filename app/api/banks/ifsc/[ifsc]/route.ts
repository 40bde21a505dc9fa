import { route } from '@/lib/api/handler';
import { agentOf } from '@/lib/auth/agent';
import { ifscParamsSchema } from '@/lib/schemas/transfer';
import { ifscDetails } from '@/lib/transfers/service';

// GET /api/banks/ifsc/:ifsc – bank and branch of an IFSC, as the agent types it
export const GET = route({
  access: 'agent',
  params: ifscParamsSchema,
  limits: ({ user }) => [{ rule: 'ifscLookupPerAgent', key: user.id }],
  handler: async ({ params, user }) => ifscDetails(agentOf(user), params.ifsc),
});
