import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { PageBundle } from './bundle';
import { type FeelFigures, SLOW_4G } from './feel';
import type { LighthouseFigures } from './lighthouse';
import { ALL_AT_ONCE_STALLED_MS, type RdBenchResult, type RdTiming } from './rd-discovery';
import type { RouteComparison } from './routes';
import { kib, round } from './stats';

// Turns the measurements into one table. Every row says whether its target was met, but a missed
// target never fails the bench: it reports, tests assert (docs/architecture.md §10).

export type Status = 'met' | 'missed' | 'not measured' | '';

export interface Row {
  what: string;
  result: string;
  comparedWith: string;
  ratio: string;
  target: string;
  status: Status;
}

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  os: string;
  node: string;
  /** 1-minute load average before and after: the machine is shared, so this is context for the figures. */
  loadBefore: number;
  loadAfter?: number;
}

export function describeMachine(): Machine {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    os: `Linux ${release()}`,
    node: process.version,
    loadBefore: round(loadavg()[0]!, 2),
  };
}

const status = (met: boolean): Status => (met ? 'met' : 'missed');
const ms = (v: number) => `${round(v, v < 10 ? 1 : 0)} ms`;

/** The lookup may cost at most this many times the app CPU of the floor route (issue 16, part 4). */
export const LOOKUP_CPU_RATIO_TARGET = 2.5;

/** `database`: the goal is set on PostgreSQL; the embedded PGlite's figure is reported beside it. */
export function routeRows(c: RouteComparison | null, reason: string | null, path: string, floorPath: string, database = 'embedded PGlite'): Row[] {
  const what = `Sender lookup \`GET ${path}\` (signed in, Eko sandbox, ${database}) vs \`GET ${floorPath}\``;
  const goal = database === 'PostgreSQL';
  const target = goal ? `≤ ${LOOKUP_CPU_RATIO_TARGET}× the floor's CPU` : `reported (the goal, ≤ ${LOOKUP_CPU_RATIO_TARGET}×, is on PostgreSQL)`;
  if (!c) return [{ what, result: reason ?? '', comparedWith: '', ratio: '', target, status: 'not measured' }];
  const setup = `${c.connections} connections, ${c.rounds}×${c.durationS} s each, interleaved, medians`;
  const cpu = (f: RouteComparison['route']) => (f.cpuMsPerRequest === null ? '' : `; ${round(f.cpuMsPerRequest, 2)} ms app CPU/request`);
  // CPU time per request, unlike req/s, is hardly moved by the neighbours on a shared machine.
  const cpuRatio = c.route.cpuMsPerRequest && c.floor.cpuMsPerRequest ? c.route.cpuMsPerRequest / c.floor.cpuMsPerRequest : null;
  return [
    {
      what: `${what}: app CPU per request and throughput (${setup})`,
      result: `${round(c.route.rps)} req/s${cpu(c.route)}`,
      comparedWith: `${round(c.floor.rps)} req/s${cpu(c.floor)}`,
      ratio: `${cpuRatio === null ? '?' : `${round(cpuRatio, 2)}×`} the CPU (${round((c.route.rps / c.floor.rps) * 100)}% of the throughput)`,
      target,
      status: c.problems.length || cpuRatio === null ? 'not measured' : goal ? status(cpuRatio <= LOOKUP_CPU_RATIO_TARGET) : '',
    },
    {
      what: `Sender lookup vs floor (${database}): latency p50 / p99`,
      result: `${ms(c.route.p50)} / ${ms(c.route.p99)}`,
      comparedWith: `${ms(c.floor.p50)} / ${ms(c.floor.p99)}`,
      ratio: '',
      target: '',
      status: '',
    },
  ];
}

/** The first-port case: a single probe, as fast as a one-port check. */
export const RD_FIRST_PORT_TARGET_MS = 30;
export const RD_FOUND_TARGET_MS = 100;
export const RD_ABSENT_SPEEDUP_TARGET = 1.5;
/** Stalled ports, no device: at most this much slower than the all-ports-at-once scan was. */
export const RD_STALLED_SLOWDOWN_LIMIT = 1.5;

const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

function rdTarget(t: RdTiming): { target: string; met: boolean } {
  const found = t.device !== null;
  if (t.network === 'stalled' && found) {
    return { target: `< ${t.probeTimeoutMs} ms (one probe timeout)`, met: t.concurrentMs < t.probeTimeoutMs! };
  }
  if (t.network === 'stalled') {
    const limit = Math.round(RD_STALLED_SLOWDOWN_LIMIT * ALL_AT_ONCE_STALLED_MS);
    return { target: `≤ ${limit} ms (${RD_STALLED_SLOWDOWN_LIMIT}× the all-at-once scan's ${ALL_AT_ONCE_STALLED_MS} ms)`, met: t.concurrentMs <= limit };
  }
  if (!found) return { target: `≥ ${RD_ABSENT_SPEEDUP_TARGET}× faster`, met: t.sequentialMs / t.concurrentMs >= RD_ABSENT_SPEEDUP_TARGET };
  const budget = t.device!.probeOrder === 1 ? RD_FIRST_PORT_TARGET_MS : RD_FOUND_TARGET_MS;
  return { target: `≤ one by one, < ${budget} ms`, met: t.concurrentMs <= t.sequentialMs && t.concurrentMs < budget };
}

export function rdRows(r: RdBenchResult | null, reason: string | null): Row[] {
  if (!r) return [{ what: 'RD discovery', result: reason ?? '', comparedWith: '', ratio: '', target: '', status: 'not measured' }];
  return r.timings.map((t) => {
    const network =
      t.network === 'stalled'
        ? `every other port stalls (Windows loopback, or ports held by other programs; probe timeout ${t.probeTimeoutMs} ms)`
        : 'every other port refuses at once (as on Linux)';
    const where = t.device
      ? `device on the ${ordinal(t.device.probeOrder)} target in probe order (${t.device.scheme} ${t.device.port}; ${ordinal(t.device.oneByOneOrder)} one by one)`
      : 'no device';
    const speedup = t.sequentialMs / t.concurrentMs;
    const ratio = speedup >= 1 ? `${round(speedup, 1)}× faster` : `${round(1 / speedup, 1)}× slower`;
    const runs =
      t.concurrentRuns.length === t.sequentialRuns.length
        ? `median of ${t.concurrentRuns.length}`
        : `medians of ${t.concurrentRuns.length} and ${t.sequentialRuns.length}`;
    const { target, met } = rdTarget(t);
    return {
      what: `RD discovery, ${where}, ${network}, ${r.environment}, ${runs}`,
      result: `app ${ms(t.concurrentMs)}`,
      comparedWith: `one by one ${ms(t.sequentialMs)}`,
      ratio,
      target,
      status: t.problems.length ? 'not measured' : status(met),
    };
  });
}

/** Every page an agent works on (issue 16, part 2), held to one first-load budget. */
const AGENT_PAGES = [
  '/login',
  '/senders',
  '/aeps',
  '/aeps/[flow]',
  '/senders/[mobile]/send/[recipientId]',
  '/receipts/[id]',
  '/transactions',
  '/transactions/[id]',
];
export const AGENT_PAGE_BUDGET_KIB = 150;

export function bundleRows(pages: PageBundle[] | null, reason: string | null): Row[] {
  if (!pages) return [{ what: 'First-load JS', result: reason ?? '', comparedWith: '', ratio: '', target: '', status: 'not measured' }];
  return pages.map((p) => {
    const budgeted = AGENT_PAGES.includes(p.route);
    return {
      what: `First-load JS (gzip), \`${p.route}\``,
      result: `${kib(p.gzipBytes)} KiB`,
      comparedWith: `${kib(p.rawBytes)} KiB raw, ${p.chunks} chunks`,
      ratio: '',
      target: budgeted ? `≤ ${AGENT_PAGE_BUDGET_KIB} KiB` : '',
      status: budgeted ? status(p.gzipBytes <= AGENT_PAGE_BUDGET_KIB * 1024) : '',
    };
  });
}

/** An agent page may score at most this many points below the control in the same run. */
export const LIGHTHOUSE_GAP_TARGET = 4;
export const LIGHTHOUSE_ABSOLUTE_TARGET = 95;

const auditSummary = (f: LighthouseFigures) => {
  const a = f.audits;
  const parts = [
    a['first-contentful-paint'] !== undefined ? `FCP ${ms(a['first-contentful-paint'])}` : '',
    a['largest-contentful-paint'] !== undefined ? `LCP ${ms(a['largest-contentful-paint'])}` : '',
    a['total-blocking-time'] !== undefined ? `TBT ${ms(a['total-blocking-time'])}` : '',
    a['cumulative-layout-shift'] !== undefined ? `CLS ${round(a['cumulative-layout-shift'], 3)}` : '',
    a['speed-index'] !== undefined ? `SI ${ms(a['speed-index'])}` : '',
  ];
  return parts.filter(Boolean).join(', ');
};

/** `controlName`: the bare page every other page is compared with (its row comes first). */
export function lighthouseRows(figures: LighthouseFigures[] | null, reason: string | null, pages: string[], controlName?: string): Row[] {
  if (!figures) {
    return pages.map((path) => ({
      what: `Lighthouse mobile, \`${path}\``,
      result: reason ?? '',
      comparedWith: '',
      ratio: '',
      target: '',
      status: 'not measured',
    }));
  }
  const control = figures.find((f) => f.name === controlName && f.performanceRuns.length > 0) ?? null;
  return figures.flatMap((f) => {
    const measured = f.performanceRuns.length > 0;
    const runs = (values: number[]) => (measured ? `median of ${values.join(', ')}` : (f.problems[0] ?? ''));
    const isControl = f.name === controlName;
    const gap = control && measured && !isControl ? control.performance - f.performance : null;
    const performance: Row = isControl
      ? {
          what: `Lighthouse mobile performance, \`${f.name}\` (the control: a bare page under its own root layout)`,
          result: measured ? String(f.performance) : '',
          comparedWith: `${runs(f.performanceRuns)}; ${auditSummary(f)}`,
          ratio: '',
          target: '',
          status: measured ? '' : 'not measured',
        }
      : {
          what: `Lighthouse mobile performance, \`${f.name}\``,
          result: measured ? `${f.performance} (${runs(f.performanceRuns)}; ${auditSummary(f)})` : '',
          comparedWith: control ? `control ${control.performance}` : 'no control measured',
          ratio: gap === null ? '' : `${gap > 0 ? `${gap} below` : gap < 0 ? `${-gap} above` : 'level with'} the control`,
          target: `within ${LIGHTHOUSE_GAP_TARGET} of the control (≥ ${LIGHTHOUSE_ABSOLUTE_TARGET}: ${measured ? (f.performance >= LIGHTHOUSE_ABSOLUTE_TARGET ? 'yes' : 'no') : '?'})`,
          status: gap === null ? 'not measured' : status(gap <= LIGHTHOUSE_GAP_TARGET),
        };
    return [
      performance,
      {
        what: `Lighthouse mobile accessibility, \`${f.name}\``,
        result: measured ? String(f.accessibility) : '',
        comparedWith: runs(f.accessibilityRuns),
        ratio: '',
        target: '100',
        status: measured ? status(f.accessibility === 100) : 'not measured',
      },
    ];
  });
}

/** Search → limits and Transfer → receipt on a weak signal (issue 16, part 3). */
export const FEEL_TARGET_MS = 1500;

export function feelRows(f: FeelFigures | null, reason: string | null): Row[] {
  const throttle = `Chromium, CDP slow 4G (${SLOW_4G.latencyMs} ms RTT, ${SLOW_4G.downloadKbps / 1000} Mbit/s down, ${SLOW_4G.uploadKbps / 1000} Mbit/s up) and ${SLOW_4G.cpuSlowdown}× CPU slowdown`;
  const target = `≤ ${FEEL_TARGET_MS} ms`;
  if (!f) return [{ what: `What an agent feels, ${throttle}`, result: reason ?? '', comparedWith: '', ratio: '', target, status: 'not measured' }];
  const control = `control page load ${ms(f.controlMs)} (median of ${f.controlRuns.length})`;
  const row = (what: string, value: number, values: number[]): Row => ({
    what: `${what}, ${throttle}, median of ${values.length}`,
    result: values.length ? `${ms(value)} (${values.join(', ')})` : '',
    comparedWith: control,
    ratio: values.length && f.controlRuns.length ? `${round(value / f.controlMs, 1)}× the control` : '',
    target,
    status: values.length ? status(value <= FEEL_TARGET_MS) : 'not measured',
  });
  return [
    row('Search pressed on `/senders` → available limit visible', f.searchMs, f.searchRuns),
    row('Transfer pressed (sandbox success) → receipt visible', f.transferMs, f.transferRuns),
  ];
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownTable(rows: Row[]): string {
  const head = '| What | Result | Compared with (same run) | Ratio | Target | Status |\n|---|---|---|---|---|---|';
  return [head, ...rows.map((r) => `| ${[r.what, r.result, r.comparedWith, r.ratio, r.target, r.status].map(cell).join(' | ')} |`)].join('\n');
}

export function markdownReport(rows: Row[], machine: Machine, date: Date, notes: string[]): string {
  const load = `load average ${machine.loadBefore} before, ${machine.loadAfter ?? '?'} after`;
  return [
    `Measured ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB RAM, ${machine.os}, Node ${machine.node}; ${load} (a shared machine).`,
    '',
    markdownTable(rows),
    ...(notes.length ? ['', ...notes.map((n) => `- ${n}`)] : []),
  ].join('\n');
}

export function writeResults(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

export const README_BEGIN = '<!-- bench:begin (npm run bench -- --readme rewrites this block) -->';
export const README_END = '<!-- bench:end -->';

/** Replaces the block between the markers in the README with the latest report. */
export function updateReadme(readme: string, report: string): boolean {
  if (!existsSync(readme)) return false;
  const text = readFileSync(readme, 'utf8');
  const begin = text.indexOf(README_BEGIN);
  const end = text.indexOf(README_END);
  if (begin < 0 || end < begin) return false;
  writeFileSync(readme, `${text.slice(0, begin + README_BEGIN.length)}\n${report}\n${text.slice(end)}`);
  return true;
}
