import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'esbuild';
import { discoverRdServices, discoverSequentially } from '../../../lib/rd/discovery';
import { createRdSandbox } from '../../../sandbox/rd/server';
import { ROOT } from '../build';
import { median } from './stats';

// RD discovery, concurrent (what the app ships) against one port at a time (what older
// integrations do), timed where it really runs: in Chromium, on a page served from 127.0.0.1,
// probing the RD sandbox over loopback with real CORS preflights. The bench owns its own port
// range (not 11100-11120, which the e2e suite's RD sandbox uses) and passes it explicitly.

export const BENCH_RD_PORTS = Array.from({ length: 21 }, (_, i) => 21100 + i);
/** The sandbox always opens a second device port and a control port: both outside the range. */
const SPARE_PORT = 21121;
const CONTROL_PORT = 21122;

/**
 * 'absent' closes every port, which Linux refuses at once. 'stalled' has every port take the
 * connection and never answer, which is what a Windows PC does for a closed loopback port (it
 * retries the connect for about 2 s) and what a port held by another program does anywhere: there
 * each probe costs its whole timeout, so the scan pays it once at a time or once in all.
 */
export type RdScenario = 'first' | 'last' | 'absent' | 'stalled';
export const RD_SCENARIOS: RdScenario[] = ['first', 'last', 'absent', 'stalled'];
/** The probe timeout in the stalled scenario (the app's is 2 s; the ratio does not depend on it). */
export const STALLED_PROBE_TIMEOUT_MS = 400;

export interface RdTiming {
  scenario: RdScenario;
  /** Where the device was expected, and where each strategy found it. */
  devicePort: number | null;
  concurrentMs: number;
  sequentialMs: number;
  concurrentRuns: number[];
  sequentialRuns: number[];
  problems: string[];
}

export interface RdBenchResult {
  environment: string;
  timings: RdTiming[];
}

type Strategy = 'discoverRdServices' | 'discoverSequentially';
interface Outcome {
  ms: number;
  port: number | null;
}
type Runner = (strategy: Strategy, probeTimeoutMs?: number) => Promise<Outcome>;

const CHROMIUM_FLAGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** lib/rd/discovery.ts and its imports as one script that sets `window.__rdDiscovery`. */
async function discoveryBundle(): Promise<string> {
  const out = await build({
    entryPoints: [join(ROOT, 'lib/rd/discovery.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__rdDiscovery',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/** An empty page on 127.0.0.1: a real origin, so the probes are cross-origin with preflights, as in the app. */
async function pageServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="en"><title>RD discovery bench</title></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

function browserRunner(browser: Browser, pageUrl: string, bundle: string): Runner {
  return async (strategy, probeTimeoutMs) => {
    // A fresh context per run: no warm sockets and no cached preflight, like an agent's first
    // discovery of the day (the app remembers the port for the rest of the session).
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(pageUrl);
      await page.addScriptTag({ content: bundle });
      return await page.evaluate(
        async ({ strategy, ports, probeTimeoutMs }) => {
          type Found = { port: number } | null;
          const lib = (window as unknown as { __rdDiscovery: Record<string, (o: { ports: number[]; probeTimeoutMs?: number }) => Promise<Found>> }).__rdDiscovery;
          const started = performance.now();
          const found = await lib[strategy]!({ ports, probeTimeoutMs });
          return { ms: performance.now() - started, port: found?.port ?? null };
        },
        { strategy, ports: BENCH_RD_PORTS, probeTimeoutMs },
      );
    } finally {
      await context.close();
    }
  };
}

function nodeRunner(): Runner {
  const impl = { discoverRdServices, discoverSequentially };
  return async (strategy, probeTimeoutMs) => {
    const started = performance.now();
    const found = await impl[strategy]({ ports: BENCH_RD_PORTS, probeTimeoutMs });
    return { ms: performance.now() - started, port: found?.port ?? null };
  };
}

/** Listeners on every bench port that take connections and never answer. */
async function stallingPorts(): Promise<() => Promise<void>> {
  const sockets = new Set<Socket>();
  const servers: TcpServer[] = BENCH_RD_PORTS.map((port) => {
    const server = createTcpServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    server.listen(port, '127.0.0.1');
    return server;
  });
  await Promise.all(servers.map((s) => new Promise((resolve) => s.once('listening', resolve))));
  return async () => {
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  };
}

async function timeScenario(scenario: RdScenario, run: Runner, runs: number): Promise<RdTiming> {
  const devicePort = scenario === 'first' ? BENCH_RD_PORTS[0]! : scenario === 'last' ? BENCH_RD_PORTS.at(-1)! : null;
  const sandbox = devicePort === null ? null : createRdSandbox({ port: devicePort, otherPort: SPARE_PORT, controlPort: CONTROL_PORT, scenario: 'ready' });
  await sandbox?.listen();
  const stalled = scenario === 'stalled';
  const closeStalling = stalled ? await stallingPorts() : null;
  // A stalled one-by-one scan costs 42 timeouts per run: one run is enough to read the ratio.
  if (stalled) runs = 1;
  const probeTimeoutMs = stalled ? STALLED_PROBE_TIMEOUT_MS : undefined;
  const concurrentRuns: number[] = [];
  const sequentialRuns: number[] = [];
  const problems = new Set<string>();
  try {
    for (let i = 0; i < runs; i++) {
      // Alternate which strategy goes first, so neither always runs on a warmer machine.
      const order: Strategy[] = i % 2 === 0 ? ['discoverRdServices', 'discoverSequentially'] : ['discoverSequentially', 'discoverRdServices'];
      for (const strategy of order) {
        const outcome = await run(strategy, probeTimeoutMs);
        if (outcome.port !== devicePort) problems.add(`${strategy} found ${outcome.port ?? 'nothing'}, expected ${devicePort ?? 'nothing'}`);
        (strategy === 'discoverRdServices' ? concurrentRuns : sequentialRuns).push(outcome.ms);
      }
    }
  } finally {
    await sandbox?.close();
    await closeStalling?.();
  }
  return {
    scenario,
    devicePort,
    concurrentMs: median(concurrentRuns),
    sequentialMs: median(sequentialRuns),
    concurrentRuns,
    sequentialRuns,
    problems: [...problems],
  };
}

export async function benchRdDiscovery(options: { runs: number; chromiumPath: string }): Promise<RdBenchResult> {
  if (!existsSync(options.chromiumPath)) {
    const run = nodeRunner();
    const timings: RdTiming[] = [];
    for (const scenario of RD_SCENARIOS) timings.push(await timeScenario(scenario, run, options.runs));
    return { environment: `Node ${process.version} fetch (no Chromium at ${options.chromiumPath})`, timings };
  }
  const [bundle, page] = await Promise.all([discoveryBundle(), pageServer()]);
  const browser = await chromium.launch({ executablePath: options.chromiumPath, args: CHROMIUM_FLAGS });
  try {
    const run = browserRunner(browser, page.url, bundle);
    const timings: RdTiming[] = [];
    for (const scenario of RD_SCENARIOS) timings.push(await timeScenario(scenario, run, options.runs));
    return { environment: `Chromium ${browser.version()}`, timings };
  } finally {
    await browser.close();
    await new Promise((r) => page.server.close(r));
  }
}
