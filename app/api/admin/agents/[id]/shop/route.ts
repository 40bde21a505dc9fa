import { setAgentShop } from '@/lib/admin/agents';
import { route } from '@/lib/api/handler';
import { agentShopSchema, userIdSchema } from '@/lib/schemas/admin';

// PUT /api/admin/agents/:id/shop – the shop name and address the agent's receipts print
export const PUT = route({
  access: 'admin',
  params: userIdSchema,
  body: agentShopSchema,
  limits: ({ user }) => [{ rule: 'adminWrite', key: user.id }],
  auditRefusalsAs: 'admin.agent_shop',
  handler: async ({ req, params, body, user }) => ({ agent: await setAgentShop({ req, admin: user }, params.id, body) }),
});
