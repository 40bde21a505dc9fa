import { discoverRdServices, type RdEndpoint, type Scheme } from './discovery';
import { parseDeviceInfo } from './parse';
import { captureTimeoutOf } from './pid-options';
import { type Discovery, RdError, type RdProvider } from './types';

// The RD service on the agent's own machine (Windows desktops and tablets), over loopback HTTP.

const REMEMBERED = 'agent-desk.rd-endpoint';
/** Added to the PidOptions timeout: the service needs a moment after the finger is placed. */
export const CAPTURE_MARGIN_MS = 15_000;

function remembered(): { scheme: Scheme; port: number } | null {
  try {
    const raw = sessionStorage.getItem(REMEMBERED);
    const v = raw ? (JSON.parse(raw) as { scheme?: unknown; port?: unknown }) : null;
    return v && (v.scheme === 'http' || v.scheme === 'https') && typeof v.port === 'number' ? { scheme: v.scheme, port: v.port } : null;
  } catch {
    return null;
  }
}

/** Local Network Access (Chrome 142+): a denied permission looks exactly like "no driver" otherwise. */
export async function loopbackPermission(): Promise<PermissionState | 'unsupported'> {
  for (const name of ['loopback-network', 'local-network-access']) {
    try {
      return (await navigator.permissions.query({ name } as unknown as PermissionDescriptor)).state;
    } catch {
      /* not a known permission name in this browser */
    }
  }
  return 'unsupported';
}

export class HttpRdProvider implements RdProvider {
  readonly kind = 'http' as const;
  private endpoint: RdEndpoint | null = null;
  private inFlight = false;

  constructor(private readonly fetchImpl: typeof fetch = fetch.bind(globalThis)) {}

  async discover(): Promise<Discovery> {
    if ((await loopbackPermission()) === 'denied') throw new RdError('lna_denied');
    const found = await discoverRdServices({ preferred: remembered(), fetchImpl: this.fetchImpl });
    this.endpoint = found;
    if (!found) return { kind: 'none' };
    if (found.service.status === 'READY') {
      // Only the port and scheme, for this browser session.
      sessionStorage.setItem(REMEMBERED, JSON.stringify({ scheme: found.scheme, port: found.port }));
    }
    const status = found.service.status === 'UNKNOWN' ? 'NOTREADY' : found.service.status;
    return { kind: 'found', scanner: { status, info: found.service.info, where: { kind: 'http', scheme: found.scheme, port: found.port } } };
  }

  private async call(id: string, fallbackPath: string, body: string | undefined, timeoutMs: number): Promise<string> {
    if (!this.endpoint) throw new RdError('not_found');
    const path = this.endpoint.service.paths[id] ?? fallbackPath;
    try {
      const res = await this.fetchImpl(`${this.endpoint.base}${path}`, {
        method: id,
        headers: body === undefined ? undefined : { 'Content-Type': 'text/xml' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
        cache: 'no-store',
      });
      return await res.text();
    } catch (err) {
      throw new RdError((err as Error).name === 'TimeoutError' ? 'no_response' : 'not_found');
    }
  }

  async deviceInfo() {
    if (!this.endpoint) return null;
    try {
      return parseDeviceInfo(await this.call('DEVICEINFO', '/rd/info', undefined, 5_000));
    } catch {
      return null;
    }
  }

  async capture(pidOptions: string): Promise<string> {
    if (this.inFlight) throw new RdError('busy');
    if (!this.endpoint || this.endpoint.service.status !== 'READY') {
      const again = await this.discover();
      if (again.kind === 'none') throw new RdError('not_found');
      if (again.scanner.status === 'USED') throw new RdError('in_use');
      if (again.scanner.status !== 'READY') throw new RdError('not_ready');
    }
    this.inFlight = true;
    try {
      return await this.call('CAPTURE', '/rd/capture', pidOptions, captureTimeoutOf(pidOptions) + CAPTURE_MARGIN_MS);
    } finally {
      this.inFlight = false;
    }
  }
}
