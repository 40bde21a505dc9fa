// `npm start`: validate configuration, start the Eko sandbox in sandbox mode, build if the
// sources changed, then `next start`. `npm run dev` does the same with `next dev`.
import type { ChildProcess } from 'node:child_process';
import { ConfigError, parseConfig, SANDBOX_EKO_PORT } from '../lib/config/schema';
import { ensureBuild, TSX_CLI } from './lib/build';
import { isUp, run, supervise, waitForHttp } from './lib/processes';

const dev = process.argv.includes('--dev');

async function main() {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }

  const children: ChildProcess[] = [];
  const startSandbox = async (name: string, script: string, health: string) => {
    if (await isUp(health)) return console.log(`[start] reusing the ${name} already running (${health})`);
    const child = run(process.execPath, [TSX_CLI, script]);
    children.push(child);
    await waitForHttp(health, 20_000, child);
  };
  if (config.sandboxMode) {
    if (!process.env.EKO_SANDBOX_URL) await startSandbox('Eko sandbox', 'sandbox/eko/main.ts', `http://127.0.0.1:${SANDBOX_EKO_PORT}/health`);
    // The fingerprint-scanner stand-in: the browser finds it on 127.0.0.1:11100 like a real RD service.
    // A real RD service already on that port wins; the app starts either way.
    if (process.env.RD_SANDBOX !== 'off') {
      try {
        await startSandbox('RD sandbox', 'sandbox/rd/main.ts', 'http://127.0.0.1:11290/health');
      } catch {
        children.pop();
        console.warn('[start] the RD sandbox did not start (port 11100 or 11290 busy?); captures go to whatever RD service answers');
      }
    }
    console.log('[start] sandbox mode: Eko and the fingerprint scanner are local stand-ins; no real money or biometrics');
  }

  if (!dev) ensureBuild();
  // Next behind our own front server (scripts/serve.ts), which tells the app each client's address.
  const next = run(process.execPath, [TSX_CLI, 'scripts/serve.ts', ...(dev ? ['--dev'] : []), '-p', String(config.port)], {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
  });
  children.push(next);
  supervise(children);
}

main().catch((err: unknown) => {
  console.error(`[start] ${(err as Error).message}`);
  process.exit(1);
});
