import { createAgent } from '@/lib/admin/agents';
import { jsonResponse, route } from '@/lib/api/handler';
import { agentsPage } from '@/lib/admin/loaders';
import { agentListSchema, createAgentSchema } from '@/lib/schemas/admin';

// GET /api/admin/agents – list and search agents
export const GET = route({
  access: 'admin',
  query: agentListSchema,
  handler: async ({ query }) => agentsPage({ query: query.q, page: query.page }),
});

// POST /api/admin/agents – create an agent account (its first password is temporary)
export const POST = route({
  access: 'admin',
  body: createAgentSchema,
  limits: ({ user }) => [{ rule: 'adminWrite', key: user.id }],
  auditRefusalsAs: 'admin.agent_create',
  handler: async ({ req, body, user }) => jsonResponse({ agent: await createAgent({ req, admin: user }, body) }, 201),
});
