// `npm start`: validate configuration, start the Eko sandbox in sandbox mode, build if the
// sources changed, then `next start`. `npm run dev` does the same with `next dev`.
import type { ChildProcess } from 'node:child_process';
import { ConfigError, parseConfig, SANDBOX_EKO_PORT } from '../lib/config/schema';
import { ensureBuild, NEXT_BIN, TSX_CLI } from './lib/build';
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
  if (config.sandboxMode && !process.env.EKO_SANDBOX_URL) {
    const health = `http://127.0.0.1:${SANDBOX_EKO_PORT}/health`;
    if (await isUp(health)) {
      console.log(`[start] reusing the Eko sandbox already on port ${SANDBOX_EKO_PORT}`);
    } else {
      const sandbox = run(process.execPath, [TSX_CLI, 'sandbox/eko/main.ts']);
      children.push(sandbox);
      await waitForHttp(health, 20_000, sandbox);
    }
    console.log('[start] sandbox mode: Eko calls go to the local Eko sandbox; no real money moves');
  }

  if (!dev) ensureBuild();
  const next = run(process.execPath, [NEXT_BIN, dev ? 'dev' : 'start', '-p', String(config.port)], {
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
