import { route } from '@/lib/api/handler';
import { changePassword } from '@/lib/auth/login';
import { changePasswordSchema } from '@/lib/schemas/auth';

// POST /api/auth/password – the signed-in user's new password (current one checked); ends the
// user's other sessions. The one call allowed while a temporary password must be replaced; its
// budget (guessing the current password) is spent inside, where a wrong guess can start a lockout.
export const POST = route({
  access: 'user',
  duringPasswordChange: true,
  body: changePasswordSchema,
  handler: async ({ req, body, user }) => changePassword(req, user, body),
});
