// One reading of the Cookie header for the whole app (route wrapper, pages, proxy.ts), so the
// pages and the API can never disagree about who is signed in.

export interface CookieNames {
  /** Plain-http localhost (development, tests): browsers refuse `__Host-` cookies without Secure. */
  plain: string;
  /** Everywhere else: `__Host-` binds the cookie to this exact host, Secure, Path=/, no Domain. */
  secure: string;
}

export const SESSION_COOKIE: CookieNames = { plain: 'ad_session', secure: '__Host-ad_session' };
export const DEVICE_COOKIE: CookieNames = { plain: 'ad_device', secure: '__Host-ad_device' };

/** Every name=value pair in order, duplicates kept; a value that does not decode is null. */
export function parseCookieHeader(header: string | null | undefined): [string, string | null][] {
  if (!header) return [];
  const pairs: [string, string | null][] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    let value: string | null;
    try {
      value = decodeURIComponent(raw);
    } catch {
      value = null; // a malformed cookie is no session, not a crash
    }
    pairs.push([name, value]);
  }
  return pairs;
}

/**
 * The value of a cookie that may arrive under either of its names. More than one (a second cookie
 * planted by a sibling subdomain or an older build, say) means none: we cannot tell which is ours,
 * and picking the first is how a page and an API once read two different sessions.
 */
export function readSingleCookie(header: string | null | undefined, names: CookieNames): string | null {
  const found = parseCookieHeader(header).filter(([name]) => name === names.plain || name === names.secure);
  return found.length === 1 ? found[0]![1] : null;
}

/** Secure everywhere except plain-http localhost (development and tests). */
export function cookieIsSecure(requestUrl: string): boolean {
  const { hostname, protocol } = new URL(requestUrl);
  const local = hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
  return protocol === 'https:' || !local;
}

export function serializeCookie(names: CookieNames, value: string, opts: { requestUrl: string; maxAgeSeconds: number }): string {
  const secure = cookieIsSecure(opts.requestUrl);
  const parts = [`${secure ? names.secure : names.plain}=${encodeURIComponent(value)}`, 'Path=/', `Max-Age=${opts.maxAgeSeconds}`, 'HttpOnly', 'SameSite=Lax'];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** Expires the cookie under both names, so a stale plain one cannot linger beside a `__Host-` one. */
export function clearCookie(names: CookieNames, requestUrl: string): string[] {
  const secure = cookieIsSecure(requestUrl);
  const cleared = [`${names.plain}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`];
  if (secure) cleared.push(`${names.secure}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure`);
  return cleared;
}
