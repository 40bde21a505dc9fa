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
 * The one value of our cookie. Over TLS only the `__Host-` name counts: a plain-named cookie can be
 * planted by a sibling subdomain or any plain-http page of the parent domain, and must neither
 * sign anyone in nor, by sitting beside ours, sign them out. On plain-http localhost only the plain
 * name exists. Two of the same name (we cannot tell which is ours) mean none.
 */
export function readSingleCookie(header: string | null | undefined, names: CookieNames, secure: boolean): string | null {
  const name = secure ? names.secure : names.plain;
  const found = parseCookieHeader(header).filter(([n]) => n === name);
  return found.length === 1 ? found[0]![1] : null;
}

/** `secure`: lib/net/client-address.ts isSecureRequest (TLS by the trusted proxy's word, or any host but localhost). */
export function serializeCookie(names: CookieNames, value: string, opts: { secure: boolean; maxAgeSeconds: number }): string {
  const parts = [
    `${opts.secure ? names.secure : names.plain}=${encodeURIComponent(value)}`,
    'Path=/',
    `Max-Age=${opts.maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (opts.secure) parts.push('Secure');
  return parts.join('; ');
}

export function clearCookie(names: CookieNames, secure: boolean): string[] {
  return [`${secure ? names.secure : names.plain}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`];
}
