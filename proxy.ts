import { type NextRequest, NextResponse } from 'next/server';
import { RETURN_TO_HEADER, sessionTokenOf, verifySession } from '@/lib/auth/session';
import { newNonce, pageCsp } from '@/lib/security/csp';

// For pages only: the per-response CSP nonce, and the cheap, optimistic sign-in redirect. Route
// handlers and pages check the session against the database themselves (lib/api/handler.ts,
// requirePageUser). Headers that do not vary per response live in next.config.mjs.

const AGENT_PAGES = ['/senders', '/aeps'];
/** Pages anyone may see: the offline fallback is fetched by the service worker. */
const PUBLIC_PAGES = ['/logout', '/~offline'];

/** Lets the request through with the CSP nonce on both the request (Next reads it) and the response. */
function render(req: NextRequest, extraHeaders: Record<string, string> = {}): NextResponse {
  const csp = pageCsp(newNonce(), { dev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(req.headers);
  headers.set('content-security-policy', csp);
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('content-security-policy', csp);
  return res;
}

export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (PUBLIC_PAGES.includes(pathname)) return render(req);

  const session = await verifySession(sessionTokenOf(req));
  if (pathname === '/login') {
    return session && !req.nextUrl.searchParams.has('reason')
      ? NextResponse.redirect(new URL(session.role === 'admin' ? '/admin' : '/senders', req.url))
      : render(req);
  }
  if (!session) {
    const login = new URL('/login', req.url);
    if (pathname !== '/') login.searchParams.set('next', pathname + search);
    return NextResponse.redirect(login);
  }
  const adminPage = pathname === '/admin' || pathname.startsWith('/admin/');
  if (adminPage && session.role !== 'admin') return NextResponse.redirect(new URL('/senders', req.url));
  if (AGENT_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`)) && session.role !== 'agent') {
    return NextResponse.redirect(new URL('/admin', req.url));
  }
  // Layouts do not know the URL; pass it on so their authoritative check can return here after login.
  return render(req, { [RETURN_TO_HEADER]: pathname + search });
}

export const config = {
  // Pages only: not the API (its wrapper answers 401 in JSON), Next's assets, the service worker,
  // the manifest or public files.
  matcher: ['/((?!api/|_next/|serwist/|favicon.ico|manifest.webmanifest|icons/|robots.txt).*)'],
};
