import { resetAgentPassword } from '@/lib/admin/agents';
import { route } from '@/lib/api/handler';
import { userIdSchema } from '@/lib/schemas/admin';

// POST /api/admin/agents/:id/password – a temporary password (a day, for choosing their own), shown once
export const POST = route({
  access: 'admin',
  params: userIdSchema,
  limits: ({ user }) => [{ rule: 'adminWrite', key: user.id }],
  auditRefusalsAs: 'admin.password_reset',
  handler: async ({ req, params, user }) => resetAgentPassword({ req, admin: user }, params.id),
});
