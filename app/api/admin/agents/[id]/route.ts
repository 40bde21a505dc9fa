import { setAgentActive } from '@/lib/admin/agents';
import { route } from '@/lib/api/handler';
import { setActiveSchema, userIdSchema } from '@/lib/schemas/admin';

// PATCH /api/admin/agents/:id – activate or deactivate (deactivation ends the agent's sessions)
export const PATCH = route({
  access: 'admin',
  params: userIdSchema,
  body: setActiveSchema,
  limits: ({ user }) => [{ rule: 'adminWrite', key: user.id }],
  auditRefusalsAs: ({ body }) => (body.active ? 'admin.agent_activate' : 'admin.agent_deactivate'),
  handler: async ({ req, params, body, user }) => ({ agent: await setAgentActive({ req, admin: user }, params.id, body.active) }),
});
