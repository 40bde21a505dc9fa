import { z } from 'zod/mini';
import { jsonResponse, route, withCookies } from '@/lib/api/handler';
import { logout } from '@/lib/auth/login';

// POST /api/auth/logout – ends this session (?scope=all: every session of the user) and clears
// the cookie. Only ever a POST from our own pages (the wrapper's Origin check), never a link.
// The sign-out page's plain HTML form works without JavaScript: it gets a redirect, fetches JSON.
export const POST = route({
  access: 'public',
  duringPasswordChange: true,
  query: z.object({ scope: z.optional(z.enum(['this', 'all'])) }),
  handler: async ({ req, query }) => {
    const cleared = await logout(req, { everywhere: query.scope === 'all' });
    const fromForm = /^application\/x-www-form-urlencoded\b/i.test(req.headers.get('content-type') ?? '');
    const res = fromForm ? new Response(null, { status: 303, headers: { location: '/login?signedOut=1' } }) : jsonResponse({ ok: true });
    return withCookies(res, cleared);
  },
});
