import 'server-only';
import { getConfig } from '@/lib/config';
import { forwardedValue } from '@/lib/net/client-address';
import { ApiError } from './errors';

// Cross-site request forgery guard for every state-changing call. The session cookie is
// SameSite=Lax, which still lets a same-site page (another app on a sibling subdomain) post with
// it; the Origin header closes that. Browsers send Origin on every non-GET fetch and form post,
// so a missing one means a non-browser client or a stripped header: refused too. Sec-Fetch-Site
// is not used as a fallback: it is no stronger and a missing Origin is already abnormal.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// A Host header is host[:port]; anything else (a path, credentials) cannot name our origin.
const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin the browser addressed: its Host header (X-Forwarded-Host as the nearest of
 * `proxyHops` trusted proxies set it) with the request's scheme. Next derives that scheme from
 * X-Forwarded-Proto; a page elsewhere cannot set that header on a victim's request, so it cannot
 * forge a match.
 */
export function ownOrigin(req: Request, proxyHops: number): string | null {
  const url = new URL(req.url);
  const host = forwardedValue(req.headers, 'x-forwarded-host', proxyHops) ?? req.headers.get('host') ?? url.host;
  const proto = forwardedValue(req.headers, 'x-forwarded-proto', proxyHops) ?? url.protocol.replace(/:$/, '');
  if (!HOST.test(host) || !/^https?$/.test(proto)) return null;
  return new URL(`${proto}://${host}`).origin;
}

function parseOrigin(value: string): string | null {
  try {
    // "null" (sandboxed frames, file: pages) parses to an opaque origin and never matches.
    const { origin } = new URL(value);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** Throws 403 origin_mismatch unless a state-changing request comes from our own pages. */
export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const header = req.headers.get('origin');
  const origin = header ? parseOrigin(header) : null;
  const expected = ownOrigin(req, getConfig().proxyHops);
  if (!origin || !expected || origin !== expected) throw new ApiError('origin_mismatch');
}
