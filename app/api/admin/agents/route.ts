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

// POST /api/admin/agents – create an agent account
export const POST = route({
  access: 'admin',
  body: createAgentSchema,
  handler: async ({ body }) => jsonResponse({ agent: await createAgent(body) }, 201),
});
