import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

export interface LighthouseFigures {
  path: string;
  performance: number;
  accessibility: number;
  performanceRuns: number[];
  accessibilityRuns: number[];
  problems: string[];
}

interface Report {
  categories: Record<'performance' | 'accessibility', { score: number | null }>;
  runtimeError?: { code: string; message: string };
  finalDisplayedUrl: string;
}

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
  pages: { path: string; cookie?: string }[];
  runs: number;
  chromePath: string;
}): Promise<LighthouseFigures[]> {
  // The session cookie goes in a private temporary file, not on a command line other users can read.
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-lighthouse-'));
  chmodSync(dir, 0o700);
  try {
    const results = options.pages.map((p) => ({ path: p.path, performanceRuns: [] as number[], accessibilityRuns: [] as number[], problems: [] as string[] }));
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
          if (new URL(report.finalDisplayedUrl).pathname !== page.path) throw new Error(`${page.path} ended on ${report.finalDisplayedUrl}`);
          const { performance, accessibility } = report.categories;
          if (performance.score === null || accessibility.score === null) throw new Error('a category has no score');
          result.performanceRuns.push(Math.round(performance.score * 100));
          result.accessibilityRuns.push(Math.round(accessibility.score * 100));
        } catch (err) {
          result.problems.push((err as Error).message);
        }
      }
    }
    return results.map((r) => ({ ...r, performance: median(r.performanceRuns), accessibility: median(r.accessibilityRuns) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
