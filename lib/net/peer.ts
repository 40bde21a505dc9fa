// Shared by the front server (scripts/serve.ts) and the app: how the socket's address reaches
// route handlers. Pure (no `server-only`): the front server runs outside Next's bundles.
//
// Route handlers under Next cannot see the TCP peer, and Next fills X-Forwarded-For from it only
// when the client sent none, so the header's last entry is the client's to write. The front server
// therefore puts the socket address in a header of our own, overwriting whatever came in, and
// marks the process: without the mark, nothing in a request may be taken as the peer's address.

export const PEER_HEADER = 'x-agent-desk-peer';

const MARK = Symbol.for('agent-desk.front-server');

/** Called once by the front server before it serves a request. */
export function markFrontServer(): void {
  (globalThis as Record<symbol, unknown>)[MARK] = true;
}

export function frontServerPresent(): boolean {
  return (globalThis as Record<symbol, unknown>)[MARK] === true;
}

/** An address as Node reports it, without the IPv4-mapped IPv6 prefix ("::ffff:10.0.0.1"). */
export function normaliseAddress(raw: string | null | undefined): string | null {
  const value = raw?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  // IPv4 or IPv6 characters only: a header value is never allowed to put text into a log or key.
  return value && value.length <= 64 && /^[0-9a-f:.]+$/i.test(value) ? value.toLowerCase() : null;
}
