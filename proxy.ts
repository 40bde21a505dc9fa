import { type NextRequest, NextResponse } from 'next/server';
import { RETURN_TO_HEADER, sessionTokenOf, verifySession } from '@/lib/auth/session';
import { parsePastedMobile } from '@/lib/schemas/mobile';
import { newNonce, pageCsp } from '@/lib/security/csp';

// For pages only: the per-response CSP nonce, and the cheap, optimistic sign-in redirect. Route
// handlers and pages check the session against the database themselves (lib/api/handler.ts,
// requirePageUser). Headers that do not vary per response live in next.config.mjs.

const AGENT_PAGES = ['/senders', '/aeps', '/transactions', '/receipts'];
/** Pages anyone may see: the offline fallback is fetched by the service worker; /control is the benchmark's bare page. */
const PUBLIC_PAGES = ['/logout', '/~offline', '/control'];

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

const SENDERS_PAGE = '/senders';

/**
 * The sender desk's ?mobile= in its one canonical form, or null when it already is. A search
 * made before the form's code loaded (or a hand-made link) may carry a pasted "+91 90000 00001"
 * (kept as 9000000001) or something that is no mobile at all, possibly an Aadhaar number: that
 * is dropped here, before any page could echo it, and the redirect takes it out of the address
 * bar, the history and the Referer of the page's own requests.
 */
function canonicalSenderSearch(url: URL): URL | null {
  if (url.pathname !== SENDERS_PAGE) return null;
  const given = url.searchParams.getAll('mobile');
  if (given.length === 0) return null;
  // The desk reads the first (useSearchParams().get), so that is the one that counts.
  const mobile = parsePastedMobile(given[0]!);
  if (given.length === 1 && mobile === given[0]) return null;
  const canonical = new URL(url.href);
  canonical.searchParams.delete('mobile');
  if (mobile !== null) canonical.searchParams.set('mobile', mobile);
  return canonical;
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
    // Never a non-mobile ?mobile= in the login page's ?next= either.
    const target = canonicalSenderSearch(req.nextUrl) ?? req.nextUrl;
    if (pathname !== '/') login.searchParams.set('next', target.pathname + target.search);
    return NextResponse.redirect(login);
  }
  const adminPage = pathname === '/admin' || pathname.startsWith('/admin/');
  if (adminPage && session.role !== 'admin') return NextResponse.redirect(new URL('/senders', req.url));
  if (AGENT_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`)) && session.role !== 'agent') {
    return NextResponse.redirect(new URL('/admin', req.url));
  }
  const canonical = canonicalSenderSearch(req.nextUrl);
  if (canonical) return NextResponse.redirect(canonical);
  // Layouts do not know the URL; pass it on so their authoritative check can return here after login.
  return render(req, { [RETURN_TO_HEADER]: pathname + search });
}

export const config = {
  // Pages only: not the API (its wrapper answers 401 in JSON), Next's assets, the service worker,
  // the manifest or public files.
  matcher: ['/((?!api/|_next/|serwist/|favicon.ico|manifest.webmanifest|icons/|robots.txt).*)'],
};
