// The load test: the built app (`next start`, sandbox Eko, embedded database) under 200 concurrent
// connections on the sender lookup, the route agents hit most. Passes when every request got a
// 2xx answer in time: no errors, no timeouts, no non-2xx. Speed is printed, never asserted (the
// machine is small and shared). `npm test` runs it for 10 s; `npx tsx scripts/load.ts --duration 30`
// is the full form. Lookups are limited per agent, so the requests go round-robin over agents
// created for the run (scripts/lib/agents.ts): enough that none exceeds its budget.
import { join } from 'node:path';
import { agentsForLookups, signedInAgents } from './lib/agents';
import { LOAD_STACK, startAppStack } from './lib/app-stack';
import { ensureBuild, ROOT } from './lib/build';
import { describeRun, type LoadRun, loadProblems, runLoad, warmUp } from './lib/http-load';

export const LOAD_SENDER = '9000000001'; // a KYC-verified fixture sender of the Eko sandbox

export interface LoadTestResult {
  run: LoadRun | null;
  problems: string[];
  elapsedS: number;
}

export async function runLoadTest(options: { durationS?: number; connections?: number } = {}): Promise<LoadTestResult> {
  const started = Date.now();
  const stack = await startAppStack({ ...LOAD_STACK, logFile: join(ROOT, 'test-results', 'load-server.log') });
  try {
    const durationS = options.durationS ?? 10;
    const agents = agentsForLookups(durationS);
    const provisioned = Date.now();
    const rotate = (await signedInAgents(stack.origin, agents)).map((cookie) => ({ cookie }));
    console.log(`[load] ${agents} agents created and signed in (${((Date.now() - provisioned) / 1000).toFixed(1)} s)`);
    const url = `${stack.origin}/api/senders/${LOAD_SENDER}`;
    await warmUp(url, {}, (body) => (body as { sender?: { mobile?: string } } | null)?.sender?.mobile === LOAD_SENDER, { rotate });
    const run = await runLoad({ url, rotate, connections: options.connections ?? 200, durationS });
    return { run, problems: loadProblems(run), elapsedS: (Date.now() - started) / 1000 };
  } catch (err) {
    return { run: null, problems: [(err as Error).message], elapsedS: (Date.now() - started) / 1000 };
  } finally {
    await stack.stop();
  }
}

function numberFlag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number`);
  return value;
}

async function main() {
  ensureBuild();
  const durationS = numberFlag('duration', 10);
  const connections = numberFlag('connections', 200);
  console.log(`[load] GET /api/senders/${LOAD_SENDER}, ${connections} connections, ${durationS} s (app on :${LOAD_STACK.appPort})`);
  const result = await runLoadTest({ durationS, connections });
  if (result.run) console.log(`[load] ${describeRun(result.run)}`);
  console.log(`[load] ${result.problems.length ? `FAIL: ${result.problems.join('; ')}` : 'ok'} (${result.elapsedS.toFixed(1)} s in all)`);
  process.exit(result.problems.length ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
