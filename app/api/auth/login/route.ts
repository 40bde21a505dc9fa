import { jsonResponse, route, withCookies } from '@/lib/api/handler';
import { login } from '@/lib/auth/login';
import { loginSchema } from '@/lib/schemas/auth';

// POST /api/auth/login – mobile + password → session cookie (and this browser's device cookie)
export const POST = route({
  access: 'public',
  body: loginSchema,
  handler: async ({ req, body }) => {
    const { setCookies, ...session } = await login(req, body);
    return withCookies(jsonResponse(session), setCookies);
  },
});
