import { attribute, element, elements } from './xml';

// Readers for the RD service's replies (UIDAI RD 2.0). Only <Resp> of a PidData is ever read;
// the rest is passed on unchanged.

export type RdStatus = 'READY' | 'NOTREADY' | 'USED';

export interface RdServiceInfo {
  status: RdStatus | 'UNKNOWN';
  /** Free text: shown, never branched on. */
  info: string;
  /** Interface id (upper case) → sanitised path. */
  paths: Record<string, string>;
}

/** Longer than any real interface path by far. */
const MAX_PATH_LENGTH = 512;
/** What one path segment may hold: RFC 3986 pchar without ":", "@" and percent-escapes. */
const PATH_SEGMENT = /^[A-Za-z0-9\-._~!$&'()*+,;=]+$/;
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/**
 * All of 127.0.0.0/8 in plain dotted decimal. The whole block is loopback (RFC 1122, section 3.2.1.3), so a
 * driver that names the address it is bound to (127.0.0.2 …) points nowhere off the machine, and
 * the host is dropped anyway: the request goes where the RDSERVICE reply came from. Any other
 * spelling of an address in the host's place (127.1, 0x7f.0.0.1, 0177.0.0.1, 2130706433,
 * ::ffff:127.0.0.1, 0.0.0.0, localhost.) is refused: no driver writes one, and they are how
 * loopback checks are tricked.
 */
const LOOPBACK_IPV4 = new RegExp(`^127\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);
const LOOPBACK_IPV6 = new Set(['::1', '0:0:0:0:0:0:0:1']);

/** A host[:port] naming this machine, in one of the spellings drivers use. */
function isLoopbackAuthority(authority: string): boolean {
  if (authority.includes('@')) return false; // userinfo: "127.0.0.1@evil.example" is evil.example
  const m = /^(?:\[([0-9a-f:.]+)\]|([^:[\]]+))(?::(\d{0,5}))?$/i.exec(authority);
  if (!m || (m[3] && Number(m[3]) > 65535)) return false;
  if (m[1] !== undefined) return LOOPBACK_IPV6.has(m[1].toLowerCase());
  const host = m[2]!.toLowerCase();
  return host === 'localhost' || LOOPBACK_IPV4.test(host);
}

/** Does a first segment name a host rather than a directory? */
function namesHost(segment: string, afterTwoSlashes: boolean): boolean {
  if (/[:@[\]]/.test(segment) || segment.toLowerCase() === 'localhost') return true;
  // Anything numeric with dots is an address to a URL parser (127.1, 0x7f.1), whatever it looks like.
  if (/^(?:0x[0-9a-f]*|\d+)(?:\.(?:0x[0-9a-f]*|\d*))+$/i.test(segment)) return true;
  // "//evil.example/x" is protocol-relative; "/evil.example/x" is a directory on the device.
  return afterTwoSlashes && segment.includes('.');
}

/**
 * The path of an `<Interface>`, relative to the device's own base, or null when it is unusable or
 * points anywhere but this machine. Drivers send the path alone (`/rd/capture`, `capture`), with
 * their host and port inside it (Morpho: `/127.0.0.1:11102/capture`), as a whole URL, with `://`
 * but no scheme, with stray whitespace around the host, the port and the slashes, and with
 * doubled slashes. The host is only checked, never used: the request goes to the base whose
 * RDSERVICE reply this came from.
 */
export function sanitiseInterfacePath(raw: string): string | null {
  if (raw.length > MAX_PATH_LENGTH) return null;
  // Control characters and backslashes (which URL parsers read as "/") are never a driver's quirk.
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u0008\u000e-\u001f\u007f\\]/.test(raw)) return null;
  // Whitespace at the ends and around "/" and ":" is noise; inside a name it is not (see below).
  let rest = raw.replace(/\s*([/:])\s*/g, '$1').trim();

  let afterScheme = false;
  const scheme = /^([a-z][a-z0-9+.-]*)?:(?=\/)/i.exec(rest); // "http://…", "https:/…", "://…"
  if (scheme) {
    if (scheme[1] !== undefined && !/^https?$/i.test(scheme[1])) return null; // file:, javascript:, ftp:…
    afterScheme = true;
    rest = rest.slice(scheme[0].length);
  } else if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(rest)) {
    return null; // "javascript:…", "data:…"; but "localhost:11100/…" is a host and port
  }

  const afterTwoSlashes = /^\/\//.test(rest);
  const [first = '', ...others] = rest.replace(/^\/+/, '').split('/');
  // After a scheme the first segment is the host however many slashes precede it, as a URL parser reads "http:///x".
  let segments = [first, ...others];
  if (afterScheme || namesHost(first.replace(/\s+/g, ''), afterTwoSlashes)) {
    if (!isLoopbackAuthority(first.replace(/\s+/g, ''))) return null;
    segments = others;
  }
  const trailingSlash = segments.length > 0 && segments.at(-1) === '';
  segments = segments.filter((s) => s !== ''); // doubled slashes
  if (segments.length === 0) return null; // nothing after the host: no path was given
  if (!segments.every((s) => PATH_SEGMENT.test(s) && s !== '.' && s !== '..')) return null;
  const path = `/${segments.join('/')}${trailingSlash ? '/' : ''}`;
  // Whatever the rules above let through must stay a plain path on the device's own origin.
  const url = new URL(path, 'http://127.0.0.1:11100');
  return url.origin === 'http://127.0.0.1:11100' && url.pathname === path && !url.search && !url.hash ? path : null;
}

/** Interface ids as drivers write them, under the ids the client calls. */
const INTERFACE_ALIASES: Record<string, string> = { INFO: 'DEVICEINFO' };

export function parseRdServiceInfo(xml: string): RdServiceInfo | null {
  const service = element(xml, 'RDService');
  if (!service) return null;
  const status = (attribute(service, 'status') ?? '').trim().toUpperCase();
  const paths: Record<string, string> = {};
  const aliased: Record<string, string> = {};
  for (const iface of elements(xml, 'Interface')) {
    const id = attribute(iface, 'id')?.trim().toUpperCase();
    const raw = attribute(iface, 'path');
    const path = raw === undefined ? null : sanitiseInterfacePath(raw);
    if (!id || !path) continue;
    // The first usable interface of an id counts; an alias only fills a gap.
    const target = INTERFACE_ALIASES[id];
    if (target) aliased[target] ??= path;
    else paths[id] ??= path;
  }
  for (const [id, path] of Object.entries(aliased)) paths[id] ??= path;
  return {
    status: status === 'READY' || status === 'NOTREADY' || status === 'USED' ? status : 'UNKNOWN',
    info: (attribute(service, 'info') ?? '').trim(),
    paths,
  };
}

export interface DeviceInfo {
  dpId: string;
  rdsId: string;
  rdsVer: string;
  /** Model id, e.g. "MFS110 L1". */
  mi: string;
  dc: string;
}

export function parseDeviceInfo(xml: string): DeviceInfo | null {
  const d = element(xml, 'DeviceInfo');
  if (!d) return null;
  const read = (name: string) => (attribute(d, name) ?? '').trim();
  return { dpId: read('dpId'), rdsId: read('rdsId'), rdsVer: read('rdsVer'), mi: read('mi'), dc: read('dc') };
}

export interface PidResponse {
  /** Compared as a string: success is exactly "0". */
  errCode: string;
  errInfo: string;
  /** One entry per finger (multi-finger replies are comma lists). */
  qScores: number[];
  nmPoints: number[];
  device: DeviceInfo | null;
}

const numberList = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number)
    .filter((n) => Number.isFinite(n));

export function parsePidResponse(xml: string): PidResponse | null {
  const resp = element(xml, 'Resp');
  if (!resp || resp.errCode === undefined) return null;
  return {
    errCode: resp.errCode.trim(),
    errInfo: resp.errInfo ?? '',
    qScores: numberList(resp.qScore),
    nmPoints: numberList(resp.nmPoints),
    device: parseDeviceInfo(xml),
  };
}
