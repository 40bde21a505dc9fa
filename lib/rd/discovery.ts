import { parseRdServiceInfo, type RdServiceInfo } from './parse';

// RD service discovery over loopback (rd-service.md §2, §7). The targets go out in the order
// devices are usually found, a few at a time, through a window that a silent probe stops holding
// after a short while, so ports that stall (Windows loopback) cost little more than one timeout
// in all while a device on any port is still reached early. The first READY answer wins and
// cancels the rest; otherwise the best answer (USED, then NOTREADY), or none.

export const RD_PORTS = Array.from({ length: 21 }, (_, i) => 11100 + i);
export type Scheme = 'http' | 'https';

export interface ProbeTarget {
  scheme: Scheme;
  port: number;
}

export interface RdEndpoint extends ProbeTarget {
  base: string;
  service: RdServiceInfo;
}

export interface DiscoveryOptions {
  ports?: number[];
  schemes?: Scheme[];
  probeTimeoutMs?: number;
  /** Tried first, alone (the port found earlier in this session). */
  preferred?: ProbeTarget | null;
  fetchImpl?: typeof fetch;
  host?: string;
  /** Window width over the common targets: from the oldest still-waiting target, this many may be in flight. */
  concurrency?: number;
  /** After this long without an answer a probe stops holding the window (it keeps waiting for its own timeout). */
  stallAfterMs?: number;
  /** How long the first target is probed alone before the others join (at once if it settles sooner). */
  headStartMs?: number;
}

/** How many of the ports come first over both schemes: where RD services are found in practice. */
const COMMON_PORTS = 6;
/**
 * The window over the common targets (the first six ports, both schemes), where devices are found:
 * a device's connect, preflight and answer queue behind at most 7 other probes, not behind all of
 * them, while refused probes still go through about as fast as Chromium clears them. Past the
 * common targets, where a device is rare, the rest go out together: on ports that refuse at once
 * (Linux) Chromium clears refused probes fastest with many in flight.
 */
export const PROBE_CONCURRENCY = 8;

/**
 * Refused probes settle within 10–25 ms even 8 at a time on a loaded 2-core machine; a probe silent
 * for 30 ms is taken for a stalled port and lets the window move on. With every port stalling, the
 * targets then start at 0 (the first, alone), 40, 70 and 100 ms (the whole tail): a device anywhere
 * is found well within one probe timeout, and "no device" costs about 100 ms more than one timeout.
 */
export const PROBE_STALL_AFTER_MS = 30;
/** The first target (http on the first port, where most RD services listen) answers fastest alone. */
export const PROBE_HEAD_START_MS = 40;
const PROBE_TIMEOUT_MS = 2000;

const RANK = { READY: 3, USED: 2, NOTREADY: 1, UNKNOWN: 0 } as const;

/**
 * The order Eko's production client probes in: the common ports over http, then the same over
 * https, then the remaining ports with both schemes side by side.
 */
export function probeOrder(ports: number[] = RD_PORTS, schemes: Scheme[] = ['http', 'https']): ProbeTarget[] {
  const common = ports.slice(0, COMMON_PORTS);
  const rest = ports.slice(COMMON_PORTS);
  return [...schemes.flatMap((scheme) => common.map((port) => ({ scheme, port }))), ...rest.flatMap((port) => schemes.map((scheme) => ({ scheme, port })))];
}

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
  const timeout = options.probeTimeoutMs ?? PROBE_TIMEOUT_MS;
  const commonWidth = Math.max(1, options.concurrency ?? PROBE_CONCURRENCY);
  const stallAfter = options.stallAfterMs ?? PROBE_STALL_AFTER_MS;
  const headStart = options.headStartMs ?? PROBE_HEAD_START_MS;
  const endpoint = ({ scheme, port }: ProbeTarget, service: RdServiceInfo): RdEndpoint => ({ base: `${scheme}://${host}:${port}`, scheme, port, service });

  let best: { endpoint: RdEndpoint; order: number } | null = null;
  const consider = (found: RdEndpoint, order: number) => {
    const rank = RANK[found.service.status];
    const bestRank = best ? RANK[best.endpoint.service.status] : -1;
    // Equal answers: the earlier target in probe order, whichever answered first.
    if (rank > bestRank || (rank === bestRank && best && order < best.order)) best = { endpoint: found, order };
  };

  const ports = options.ports ?? RD_PORTS;
  const schemes = options.schemes ?? ['http', 'https'];
  let targets = probeOrder(ports, schemes);
  const preferred = options.preferred;
  if (preferred) {
    const service = await probeRdService(`${preferred.scheme}://${host}:${preferred.port}`, AbortSignal.timeout(timeout), fetchImpl);
    if (service?.status === 'READY') return endpoint(preferred, service);
    // Whatever it said (or if it said nothing), it has had its turn.
    if (service) consider(endpoint(preferred, service), -1);
    targets = targets.filter((t) => t.scheme !== preferred.scheme || t.port !== preferred.port);
  }

  const stop = new AbortController();
  return new Promise((resolve) => {
    // A sliding window over the probe order: targets [oldest, oldest + width) may be in flight,
    // where `oldest` is the first target that has neither answered nor stalled. A device that
    // takes the connection therefore competes with at most `width - 1` later probes (which refuse
    // at once) instead of with the whole rest of the list. The first target goes alone until it
    // settles or its head start is over; past the common targets the window opens fully.
    const commonPorts = new Set(ports.slice(0, COMMON_PORTS));
    const common = targets.filter((t) => commonPorts.has(t.port)).length;
    const done = targets.map(() => false);
    let oldest = 0;
    let next = 0;
    let pending = 0;
    let started = false;
    const width = () => (!started ? 1 : oldest < common ? commonWidth : Infinity);
    const finish = (found: RdEndpoint | null) => {
      if (stop.signal.aborted) return;
      stop.abort();
      resolve(found);
    };
    const fill = () => {
      while (!stop.signal.aborted && next < targets.length && next < oldest + width()) start(next++);
      if (pending === 0 && next === targets.length) finish(best?.endpoint ?? null);
    };
    /** The probe no longer holds the window: it answered, failed, or is taken for a stalled port. */
    const release = (order: number) => {
      if (done[order]) return;
      done[order] = true;
      started = true;
      while (oldest < targets.length && done[oldest]) oldest += 1;
    };
    const start = (order: number) => {
      const target = targets[order]!;
      pending += 1;
      const stalled = setTimeout(() => (release(order), fill()), order === 0 ? headStart : stallAfter);
      const found = (service: RdServiceInfo) => endpoint(target, service);
      void probeRdService(`${target.scheme}://${host}:${target.port}`, AbortSignal.any([stop.signal, AbortSignal.timeout(timeout)]), fetchImpl).then(
        (service) => {
          clearTimeout(stalled);
          release(order);
          pending -= 1;
          if (stop.signal.aborted) return;
          if (service?.status === 'READY') return finish(found(service));
          if (service) consider(found(service), order);
          fill();
        },
      );
    };
    fill();
  });
}

/** One port at a time, http then https, as older integrations do: kept only as the benchmark's baseline. */
export async function discoverSequentially(options: DiscoveryOptions = {}): Promise<RdEndpoint | null> {
  const fetchImpl = options.fetchImpl ?? fetch.bind(globalThis);
  const host = options.host ?? '127.0.0.1';
  for (const scheme of options.schemes ?? ['http', 'https']) {
    for (const port of options.ports ?? RD_PORTS) {
      const base = `${scheme}://${host}:${port}`;
      const service = await probeRdService(base, AbortSignal.timeout(options.probeTimeoutMs ?? PROBE_TIMEOUT_MS), fetchImpl);
      if (service?.status === 'READY') return { base, scheme, port, service };
    }
  }
  return null;
}
