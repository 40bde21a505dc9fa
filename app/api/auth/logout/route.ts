import { jsonResponse, route } from '@/lib/api/handler';
import { logoutCookie } from '@/lib/auth/login';

// POST /api/auth/logout – clears the session cookie (works even when the session already ended)
export const POST = route({
  access: 'public',
  handler: async ({ req }) => jsonResponse({ ok: true }, 200, { 'set-cookie': logoutCookie(req) }),
});
