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

/**
 * An address as Node or a proxy reports it, reduced to the address: no port ("203.0.113.7:4711",
 * "[2001:db8::1]:443", as some load balancers write X-Forwarded-For), no IPv4-mapped IPv6 prefix
 * ("::ffff:10.0.0.1"). Anything else is not an address: a header may never put text into a log
 * line or a rate-limit key.
 */
export function normaliseAddress(raw: string | null | undefined): string | null {
  let value = raw?.trim().toLowerCase() ?? '';
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value)) return value;
  return value.length <= 45 && value.includes(':') && /^[0-9a-f:.]+$/.test(value) ? value : null;
}

/**
 * The budget an address spends: an IPv4 address itself, an IPv6 address's /64 (one client
 * commonly holds the whole /64, and could otherwise take a fresh address per guess).
 */
export function addressBudgetKey(address: string): string {
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
