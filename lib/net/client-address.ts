import 'server-only';
import { getConfig } from '@/lib/config';
import { logger } from '@/lib/log';
import { frontServerPresent, normaliseAddress, PEER_HEADER } from './peer';

// The client's address, for the per-address sign-in limit and the audit trail.
//
// The chain is X-Forwarded-For's entries followed by the socket peer (set by scripts/serve.ts).
// Each trusted proxy appends the address it saw, so the client is the entry TRUST_PROXY_HOPS
// places from the right: 0 hops is the socket itself, whatever the client wrote into the header;
// 1 hop is what the one proxy appended. Entries further left are the client's own claims and are
// never used. With fewer entries than hops (a request that bypassed a proxy) the leftmost stands.

export const UNKNOWN_ADDRESS = 'unknown';

let warned = false;

/**
 * Whether the browser reached us over TLS (so cookies are Secure and take the `__Host-` names):
 * by the forwarded scheme the nearest trusted proxy reports, and otherwise by the host: only
 * plain-http localhost (development, tests) is not. Web Crypto needs a secure context anyway, so
 * plain http to any other host is not a supported deployment. Never from the request URL: its
 * scheme is what a client's own X-Forwarded-Proto said.
 */
export function isSecureRequest(from: Request | Headers, hops: number = getConfig().proxyHops): boolean {
  const headers = from instanceof Headers ? from : from.headers;
  const proto = forwardedValue(headers, 'x-forwarded-proto', hops);
  if (proto) return proto === 'https';
  // A request without a Host header (HTTP/1.0, an in-process call) is judged by its URL's host.
  const urlHost = from instanceof Headers ? '' : new URL(from.url).host;
  const host = (forwardedValue(headers, 'x-forwarded-host', hops) ?? headers.get('host') ?? urlHost).toLowerCase();
  return !/^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host);
}

export function clientAddress(req: Request, hops: number = getConfig().proxyHops): string {
  if (!frontServerPresent()) {
    // Under a bare `next start` the peer is unknowable and every header is the client's to write.
    if (!warned) logger().warn('client address unknown: start the app with `npm start` (scripts/serve.ts), not `next start`');
    warned = true;
    return UNKNOWN_ADDRESS;
  }
  const forwarded = hops > 0 ? (req.headers.get('x-forwarded-for') ?? '').split(',').filter((e) => e.trim() !== '') : [];
  const chain = [...forwarded, req.headers.get(PEER_HEADER)].map(normaliseAddress);
  return chain[Math.max(0, chain.length - 1 - hops)] ?? UNKNOWN_ADDRESS;
}

/**
 * A forwarded header that proxies set (X-Forwarded-Host, -Proto): the value the nearest trusted
 * proxy wrote, i.e. the entry `hops` from the right when several proxies appended to it.
 */
export function forwardedValue(headers: Headers, name: string, hops: number): string | undefined {
  if (hops <= 0) return undefined;
  const entries = (headers.get(name) ?? '').split(',').map((s) => s.trim());
  if (entries.length === 1 && entries[0] === '') return undefined;
  return entries[Math.max(0, entries.length - hops)] || undefined;
}
