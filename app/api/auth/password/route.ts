import { route } from '@/lib/api/handler';
import { changePassword } from '@/lib/auth/login';
import { changePasswordSchema } from '@/lib/schemas/auth';

// POST /api/auth/password – the signed-in user's new password (current one checked); ends the
// user's other sessions. The one call allowed while a temporary password must be replaced.
export const POST = route({
  access: 'user',
  duringPasswordChange: true,
  body: changePasswordSchema,
  limits: ({ user }) => [{ rule: 'passwordChange', key: user.id }],
  handler: async ({ req, body, user }) => changePassword(req, user, body),
});
