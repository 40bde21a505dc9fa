import { setAgentActive } from '@/lib/admin/agents';
import { route } from '@/lib/api/handler';
import { setActiveSchema, userIdSchema } from '@/lib/schemas/admin';

// PATCH /api/admin/agents/:id – activate or deactivate (deactivation ends the agent's sessions)
export const PATCH = route({
  access: 'admin',
  params: userIdSchema,
  body: setActiveSchema,
  handler: async ({ params, body }) => ({ agent: await setAgentActive(params.id, body.active) }),
});
