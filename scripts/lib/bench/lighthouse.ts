import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../build';
import { median } from './stats';

// Lighthouse 12 (mobile: its default form factor and simulated throttling) against `next start`,
// in Debian's Chromium, several runs per page, medians reported (stack.md §7). The CLI runs as a
// child process: it launches and kills its own Chromium, and a crash stays out of the bench.

const require = createRequire(import.meta.url);
const LIGHTHOUSE_CLI = require.resolve('lighthouse/cli/index.js', { paths: [ROOT] });

/** The audits that decide the performance score, as medians over the runs (ms; CLS unitless). */
export const KEY_AUDITS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'] as const;
type KeyAudit = (typeof KEY_AUDITS)[number];

export interface LighthouseFigures {
  /** What the table calls the page (e.g. "/receipts/[id]"); `path` is the address measured. */
  name: string;
  path: string;
  performance: number;
  accessibility: number;
  performanceRuns: number[];
  accessibilityRuns: number[];
  audits: Partial<Record<KeyAudit, number>>;
  /** From the median-scoring run: where the points went (LCP element and its phases, long scripts). */
  detail: LighthouseDetail | null;
  problems: string[];
}

export interface LighthouseDetail {
  lcpElement: string | null;
  /** LCP phases (ms): time to first byte, resource load delay and duration, render delay. */
  lcpPhases: Record<string, number>;
  /** Scripts by main-thread time (bootup-time), the largest first. */
  scripts: { url: string; scriptingMs: number }[];
  htmlBytes: number | null;
  failedAudits: { id: string; score: number | null; display: string }[];
}

interface AuditJson {
  score: number | null;
  scoreDisplayMode?: string;
  numericValue?: number;
  displayValue?: string;
  details?: { items?: Record<string, unknown>[]; type?: string };
}

interface Report {
  categories: Record<'performance' | 'accessibility', { score: number | null }>;
  audits: Record<string, AuditJson>;
  runtimeError?: { code: string; message: string };
  finalDisplayedUrl: string;
}

function detailOf(report: Report): LighthouseDetail {
  const a = report.audits;
  const items = (id: string) => a[id]?.details?.items ?? [];
  // lcp-breakdown-insight (Lighthouse 12.x) holds the element and the phases in two tables.
  let lcpElement: string | null = null;
  const lcpPhases: Record<string, number> = {};
  const breakdown = a['lcp-breakdown-insight']?.details as { items?: { type?: string; items?: Record<string, unknown>[]; snippet?: string }[] } | undefined;
  for (const part of breakdown?.items ?? []) {
    if (part.type === 'table') for (const row of part.items ?? []) lcpPhases[String(row.label ?? row.subpart)] = Math.round(Number(row.duration));
    const node = part as { type?: string; snippet?: string; nodeLabel?: string };
    if (node.type === 'node') lcpElement = `${node.nodeLabel ?? ''} ${node.snippet ?? ''}`.trim();
  }
  if (!lcpElement) {
    const el = items('largest-contentful-paint-element')[0] as { items?: { node?: { snippet?: string; nodeLabel?: string } }[] } | undefined;
    const node = el?.items?.[0]?.node;
    if (node) lcpElement = `${node.nodeLabel ?? ''} ${node.snippet ?? ''}`.trim();
  }
  const scripts = items('bootup-time')
    .map((i) => ({ url: String(i.url), scriptingMs: Math.round(Number(i.scripting ?? 0)) }))
    .sort((x, y) => y.scriptingMs - x.scriptingMs)
    .slice(0, 5);
  const doc = items('network-requests').find((r) => r.resourceType === 'Document');
  const failedAudits = Object.entries(a)
    .filter(
      ([, v]) =>
        (v.scoreDisplayMode === 'metricSavings' || v.scoreDisplayMode === 'numeric' || v.scoreDisplayMode === 'binary') && v.score !== null && v.score < 0.9,
    )
    .map(([id, v]) => ({ id, score: v.score, display: v.displayValue ?? '' }));
  return { lcpElement, lcpPhases, scripts, htmlBytes: doc ? Number(doc.transferSize) : null, failedAudits };
}

const slug = (name: string) => name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'root';

function lighthouseOnce(url: string, chromePath: string, headersFile: string | null, outFile: string): Promise<Report> {
  const args = [
    LIGHTHOUSE_CLI,
    url,
    '--only-categories=performance,accessibility',
    '--output=json',
    `--output-path=${outFile}`,
    '--quiet',
    '--chrome-flags=--headless=new --no-sandbox --disable-background-networking --disable-component-update --no-first-run',
    ...(headersFile ? [`--extra-headers=${headersFile}`] : []),
  ];
  return new Promise((resolve, reject) => {
    let stderr = '';
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, CHROME_PATH: chromePath }, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`lighthouse exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}`));
      try {
        resolve(JSON.parse(readFileSync(outFile, 'utf8')) as Report);
      } catch (err) {
        reject(err);
      }
    });
  });
}

export async function lighthousePages(options: {
  origin: string;
  pages: { name?: string; path: string; cookie?: string }[];
  runs: number;
  chromePath: string;
  /** Each run's full report is kept here (for reading the audits), when given. */
  reportsDir?: string;
}): Promise<LighthouseFigures[]> {
  // The session cookie goes in a private temporary file, not on a command line other users can read.
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-lighthouse-'));
  chmodSync(dir, 0o700);
  try {
    const results = options.pages.map((p) => ({
      name: p.name ?? p.path,
      path: p.path,
      performanceRuns: [] as number[],
      accessibilityRuns: [] as number[],
      reports: [] as Report[],
      problems: [] as string[],
    }));
    if (options.reportsDir) mkdirSync(options.reportsDir, { recursive: true });
    // Pages alternate run by run, like the route benchmark, so background load spreads evenly.
    for (let run = 0; run < options.runs; run++) {
      for (const [i, page] of options.pages.entries()) {
        let headersFile: string | null = null;
        if (page.cookie) {
          headersFile = join(dir, 'headers.json');
          writeFileSync(headersFile, JSON.stringify({ Cookie: page.cookie }), { mode: 0o600 });
        }
        const result = results[i]!;
        try {
          const report = await lighthouseOnce(`${options.origin}${page.path}`, options.chromePath, headersFile, join(dir, 'report.json'));
          if (report.runtimeError) throw new Error(`${report.runtimeError.code}: ${report.runtimeError.message}`);
          // A lost session would score the login page under the agent page's name.
          const final = new URL(report.finalDisplayedUrl);
          if (final.pathname + final.search !== page.path) throw new Error(`${page.path} ended on ${report.finalDisplayedUrl}`);
          if (options.reportsDir) copyFileSync(join(dir, 'report.json'), join(options.reportsDir, `${slug(result.name)}-${run + 1}.json`));
          const { performance, accessibility } = report.categories;
          if (performance.score === null || accessibility.score === null) throw new Error('a category has no score');
          result.performanceRuns.push(Math.round(performance.score * 100));
          result.accessibilityRuns.push(Math.round(accessibility.score * 100));
          result.reports.push(report);
        } catch (err) {
          result.problems.push((err as Error).message);
        }
      }
    }
    return results.map(({ reports, ...r }) => {
      const performance = median(r.performanceRuns);
      const audits: LighthouseFigures['audits'] = {};
      for (const id of KEY_AUDITS) {
        const values = reports.map((rep) => rep.audits[id]?.numericValue).filter((v): v is number => typeof v === 'number');
        if (values.length) audits[id] = median(values);
      }
      const typical = reports[r.performanceRuns.indexOf(performance)] ?? reports[0];
      return { ...r, performance, accessibility: median(r.accessibilityRuns), audits, detail: typical ? detailOf(typical) : null };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
