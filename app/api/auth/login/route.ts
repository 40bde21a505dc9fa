import { jsonResponse, route } from '@/lib/api/handler';
import { login } from '@/lib/auth/login';
import { loginSchema } from '@/lib/schemas/auth';

// POST /api/auth/login – mobile + password → session cookie
export const POST = route({
  access: 'public',
  body: loginSchema,
  handler: async ({ req, body }) => {
    const { setCookie, ...session } = await login(req, body);
    return jsonResponse(session, 200, { 'set-cookie': setCookie });
  },
});
