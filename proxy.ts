import { type NextRequest, NextResponse } from 'next/server';
import { RETURN_TO_HEADER, SESSION_COOKIE, verifySession } from '@/lib/auth/session';

// The cheap, optimistic redirect only: a signed-in look for pages. Route handlers and pages
// check the session against the database themselves (lib/api/handler.ts, requirePageUser).

const AGENT_PAGES = ['/senders', '/aeps'];


export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const session = await verifySession(req.cookies.get(SESSION_COOKIE)?.value);

  if (pathname === '/logout') return NextResponse.next();
  if (pathname === '/login') {
    return session && !req.nextUrl.searchParams.has('reason')
      ? NextResponse.redirect(new URL(session.role === 'admin' ? '/admin' : '/senders', req.url))
      : NextResponse.next();
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
  const headers = new Headers(req.headers);
  headers.set(RETURN_TO_HEADER, pathname + search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Everything but the API (its wrapper answers 401 in JSON), Next's assets and public files.
  matcher: ['/((?!api/|_next/|favicon.ico|manifest.webmanifest|icons/|robots.txt).*)'],
};
