import { element, elements } from './xml';

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

/**
 * Interface paths come from the vendor. Morpho embeds host and port (`/127.0.0.1:11102/capture`);
 * strip scheme, host and port, trim, collapse slashes, and refuse anything not on loopback.
 */
export function sanitiseInterfacePath(raw: string): string | null {
  let path = raw.trim();
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/([^/]+)(\/.*)?$/i.exec(path);
  if (absolute) {
    if (!isLoopbackHost(absolute[1]!)) return null;
    path = absolute[2] ?? '/';
  }
  // A first segment that is a host (an IP, or anything with a port) is the host-in-path quirk.
  const first = /^\/+([^/]+)(\/.*)?$/.exec(path);
  if (first && (/^[\w.-]+:\d+$/.test(first[1]!) || /^\d{1,3}(\.\d{1,3}){3}$/.test(first[1]!) || first[1] === 'localhost' || first[1]!.startsWith('['))) {
    if (!isLoopbackHost(first[1]!)) return null;
    path = first[2] ?? '/';
  }
  path = `/${path.replace(/^\/+/, '')}`.replace(/\/{2,}/g, '/');
  if (/\.\.|[?#\s\\]/.test(path)) return null;
  return path;
}

function isLoopbackHost(hostPort: string): boolean {
  const host = hostPort.replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function parseRdServiceInfo(xml: string): RdServiceInfo | null {
  const service = element(xml, 'RDService');
  if (!service) return null;
  const status = (service.status ?? '').toUpperCase();
  const paths: Record<string, string> = {};
  for (const iface of elements(xml, 'Interface')) {
    const id = iface.id?.trim().toUpperCase();
    const path = iface.path ? sanitiseInterfacePath(iface.path) : null;
    if (id && path) paths[id] = path;
  }
  return { status: status === 'READY' || status === 'NOTREADY' || status === 'USED' ? status : 'UNKNOWN', info: service.info ?? '', paths };
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
  return { dpId: d.dpId ?? '', rdsId: d.rdsId ?? '', rdsVer: d.rdsVer ?? '', mi: d.mi ?? '', dc: d.dc ?? '' };
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
