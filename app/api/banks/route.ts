import { route } from '@/lib/api/handler';
import { agentOf } from '@/lib/auth/agent';
import { bankList } from '@/lib/banks/list';

// GET /api/banks – Eko's bank list (cached a day; the fixed list when Eko cannot be read)
export const GET = route({
  access: 'agent',
  limits: ({ user }) => [{ rule: 'bankListPerAgent', key: user.id }],
  handler: async ({ user }) => bankList(agentOf(user)),
});
