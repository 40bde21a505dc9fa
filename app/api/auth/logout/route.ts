import { jsonResponse, route } from '@/lib/api/handler';
import { logout } from '@/lib/auth/login';

// POST /api/auth/logout – ends the session (its token stops working) and clears the cookie
export const POST = route({
  access: 'public',
  handler: async ({ req }) => jsonResponse({ ok: true }, 200, { 'set-cookie': await logout(req) }),
});
