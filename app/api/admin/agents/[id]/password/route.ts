import { resetAgentPassword } from '@/lib/admin/agents';
import { route } from '@/lib/api/handler';
import { userIdSchema } from '@/lib/schemas/admin';

// POST /api/admin/agents/:id/password – set a temporary password, shown once
export const POST = route({
  access: 'admin',
  params: userIdSchema,
  handler: async ({ params }) => resetAgentPassword(params.id),
});
