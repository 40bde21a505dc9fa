import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { PageBundle } from './bundle';
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

export function routeRows(c: RouteComparison | null, reason: string | null, path: string, floorPath: string, database = 'embedded PGlite'): Row[] {
  const what = `Sender lookup \`GET ${path}\` (signed in, Eko sandbox, ${database}) vs \`GET ${floorPath}\``;
  if (!c) return [{ what, result: reason ?? '', comparedWith: '', ratio: '', target: '≥ 60% of the floor', status: 'not measured' }];
  const ratio = c.route.rps / c.floor.rps;
  const setup = `${c.connections} connections, ${c.rounds}×${c.durationS} s each, interleaved, medians`;
  const cpu = (f: RouteComparison['route']) => (f.cpuMsPerRequest === null ? '' : `; ${round(f.cpuMsPerRequest, 1)} ms app CPU/request`);
  // The CPU-time ratio estimates the same thing as the throughput ratio, without the neighbours' noise.
  const cpuRatio =
    c.route.cpuMsPerRequest && c.floor.cpuMsPerRequest ? ` (by CPU time: ${round((c.floor.cpuMsPerRequest / c.route.cpuMsPerRequest) * 100)}%)` : '';
  return [
    {
      what: `${what}: throughput (${setup})`,
      result: `${round(c.route.rps)} req/s${cpu(c.route)}`,
      comparedWith: `${round(c.floor.rps)} req/s${cpu(c.floor)}`,
      ratio: `${round(ratio * 100)}%${cpuRatio}`,
      target: '≥ 60%',
      status: c.problems.length ? 'not measured' : status(ratio >= 0.6),
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

const AGENT_PAGES = ['/senders', '/aeps'];
export const AGENT_PAGE_BUDGET_KIB = 160;

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

export function lighthouseRows(figures: LighthouseFigures[] | null, reason: string | null, pages: string[]): Row[] {
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
  return figures.flatMap((f) => {
    const measured = f.performanceRuns.length > 0;
    const runs = (values: number[]) => (measured ? `median of ${values.join(', ')}` : (f.problems[0] ?? ''));
    return [
      {
        what: `Lighthouse mobile performance, \`${f.path}\``,
        result: measured ? String(f.performance) : '',
        comparedWith: runs(f.performanceRuns),
        ratio: '',
        target: '≥ 95',
        status: measured ? status(f.performance >= 95) : 'not measured',
      },
      {
        what: `Lighthouse mobile accessibility, \`${f.path}\``,
        result: measured ? String(f.accessibility) : '',
        comparedWith: runs(f.accessibilityRuns),
        ratio: '',
        target: '100',
        status: measured ? status(f.accessibility === 100) : 'not measured',
      },
    ];
  });
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
