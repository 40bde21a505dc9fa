import { parseRdServiceInfo, type RdServiceInfo } from './parse';

// RD service discovery over loopback (rd-service.md §2, §7): every port and scheme probed at
// once with a short timeout; the first READY answer wins and cancels the rest. Otherwise the best
// answer (USED, then NOTREADY) or none.

export const RD_PORTS = Array.from({ length: 21 }, (_, i) => 11100 + i);
export type Scheme = 'http' | 'https';

export interface RdEndpoint {
  base: string;
  scheme: Scheme;
  port: number;
  service: RdServiceInfo;
}

export interface DiscoveryOptions {
  ports?: number[];
  schemes?: Scheme[];
  probeTimeoutMs?: number;
  /** Tried first, alone (the port found earlier in this session). */
  preferred?: { scheme: Scheme; port: number } | null;
  fetchImpl?: typeof fetch;
  host?: string;
  /** How long the first target is probed alone; 0 fans out at once. */
  headStartMs?: number;
}

const RANK = { READY: 3, USED: 2, NOTREADY: 1, UNKNOWN: 0 } as const;
/** How long the first port is tried alone before the others join (see discoverRdServices). */
const HEAD_START_MS = 40;

export async function probeRdService(base: string, signal: AbortSignal, fetchImpl: typeof fetch = fetch): Promise<RdServiceInfo | null> {
  try {
    // Custom verbs must be written in upper case: fetch only normalises the standard ones.
    const res = await fetchImpl(`${base}/`, { method: 'RDSERVICE', signal, cache: 'no-store' });
    return parseRdServiceInfo(await res.text());
  } catch {
    return null;
  }
}

export async function discoverRdServices(options: DiscoveryOptions = {}): Promise<RdEndpoint | null> {
  const fetchImpl = options.fetchImpl ?? fetch.bind(globalThis);
  const host = options.host ?? '127.0.0.1';
  const timeout = options.probeTimeoutMs ?? 2000;

  if (options.preferred) {
    const { scheme, port } = options.preferred;
    const base = `${scheme}://${host}:${port}`;
    const service = await probeRdService(base, AbortSignal.timeout(timeout), fetchImpl);
    if (service?.status === 'READY') return { base, scheme, port, service };
  }

  const targets = (options.schemes ?? ['http', 'https']).flatMap((scheme) => (options.ports ?? RD_PORTS).map((port) => ({ scheme, port })));
  const stop = new AbortController();
  let best: RdEndpoint | null = null;

  return new Promise((resolve) => {
    let pending = targets.length;
    if (pending === 0) resolve(null);
    const probe = ({ scheme, port }: { scheme: Scheme; port: number }) => {
      const base = `${scheme}://${host}:${port}`;
      return probeRdService(base, AbortSignal.any([stop.signal, AbortSignal.timeout(timeout)]), fetchImpl).then((service) => {
        pending -= 1;
        if (service && !stop.signal.aborted) {
          const found = { base, scheme, port, service };
          if (service.status === 'READY') {
            stop.abort();
            resolve(found);
            return;
          }
          if (!best || RANK[service.status] > RANK[best.service.status]) best = found;
        }
        if (pending === 0 && !stop.signal.aborted) resolve(best);
      });
    };
    // The first target (http on the first port, where most RD services listen) gets a short head
    // start: forty requests at once queue behind each other in the browser's network service, so a
    // scanner on the usual port answers sooner alone. The rest go out as soon as it settles.
    const [first, ...rest] = targets;
    let fannedOut = false;
    const fanOut = () => {
      if (fannedOut || stop.signal.aborted) return;
      fannedOut = true;
      clearTimeout(timer);
      rest.forEach((target) => void probe(target));
    };
    const timer = setTimeout(fanOut, options.headStartMs ?? HEAD_START_MS);
    if (first) void probe(first).then(fanOut);
  });
}

/** One port at a time, as older integrations do: kept only as the benchmark's baseline. */
export async function discoverSequentially(options: DiscoveryOptions = {}): Promise<RdEndpoint | null> {
  const fetchImpl = options.fetchImpl ?? fetch.bind(globalThis);
  const host = options.host ?? '127.0.0.1';
  for (const scheme of options.schemes ?? ['http', 'https']) {
    for (const port of options.ports ?? RD_PORTS) {
      const base = `${scheme}://${host}:${port}`;
      const service = await probeRdService(base, AbortSignal.timeout(options.probeTimeoutMs ?? 2000), fetchImpl);
      if (service?.status === 'READY') return { base, scheme, port, service };
    }
  }
  return null;
}
