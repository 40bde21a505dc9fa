import { createAgent } from '@/lib/admin/agents';
import { jsonResponse, route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { listAgents } from '@/lib/db/queries/users';
import { agentListSchema, createAgentSchema } from '@/lib/schemas/admin';

const PAGE_SIZE = 50;

// GET /api/admin/agents – list and search agents
export const GET = route({
  access: 'admin',
  query: agentListSchema,
  handler: async ({ query }) => {
    const page = query.page ?? 1;
    return listAgents(await getDb(), { query: query.q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  },
});

// POST /api/admin/agents – create an agent account (its first password is temporary)
export const POST = route({
  access: 'admin',
  body: createAgentSchema,
  limits: ({ user }) => [{ rule: 'adminWrite', key: user.id }],
  handler: async ({ req, body, user }) => jsonResponse({ agent: await createAgent({ req, admin: user }, body) }, 201),
});
