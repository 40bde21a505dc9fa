import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, TSX_CLI } from './build';
import { waitForHttp } from './processes';

// The built app (`next start`) plus the Eko sandbox, on ports of their own, for the load test and
// the benchmark. Ports and data directory differ from the e2e suite's (3199, 4199, .data/e2e) so
// both can run on one machine at the same time.

export const LOAD_STACK = { appPort: 3299, ekoPort: 4299, dataDir: '.data/load' } as const;

export interface StackOptions {
  appPort: number;
  ekoPort: number;
  /** Wiped before start: every run begins with a fresh embedded database and demo accounts. */
  dataDir: string;
  /** Both servers' output goes here, not to the terminal (the load would flood it). */
  logFile: string;
  /** PostgreSQL instead of the embedded database (the bench's second lookup row). */
  databaseUrl?: string;
  /** More of the app's environment (the outage test's RATE_LIMIT_STORE and REDIS_URL). */
  appEnv?: Record<string, string>;
}

export interface AppStack {
  origin: string;
  /** CPU seconds the app's processes have used so far (Linux /proc), or null elsewhere. */
  appCpuSeconds(): number | null;
  stop(): Promise<void>;
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux architecture Node supports

/**
 * CPU time of every process in a process group. On a shared machine req/s depends on the
 * neighbours; CPU time per request hardly does, so the benchmark reports both.
 */
export function groupCpuSeconds(pgid: number): number | null {
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let fields: string[];
      try {
        // Fields after "(comm)"; comm may contain spaces, so split after the last ')'.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      } catch {
        continue; // exited meanwhile
      }
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]); // pgrp, utime, stime
    }
  } catch {
    return null;
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
}

const groupAlive = (pid: number) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Each server runs in its own process group: `tsx` and `next start` both start helper processes,
 * and killing only the top PID leaves a stale next-server answering on the port (stack.md §4).
 */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (!pid || !groupAlive(pid)) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 5000;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone in between */
    }
  }
}

export async function startAppStack(options: StackOptions): Promise<AppStack> {
  const dataDir = join(ROOT, options.dataDir);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = openSync(options.logFile, 'w');
  const children: ChildProcess[] = [];
  // Sandbox mode, on the embedded database unless a PostgreSQL is named, whatever this shell has
  // set: the figures must not depend on a real Eko or on a database picked up by accident.
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  delete baseEnv.EKO_BASE_URL;
  delete baseEnv.DATABASE_URL;
  delete baseEnv.SANDBOX;
  const spawnGroup = (args: string[], env: Record<string, string>) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      detached: true, // its own process group, killed as a whole
      stdio: ['ignore', log, log],
      env: { ...baseEnv, ...env },
    });
    children.push(child);
    return child;
  };

  // Ctrl-C or a crash of this script must not leave servers behind on the shared machine.
  const killNow = () => {
    for (const c of children) if (c.pid && groupAlive(c.pid)) process.kill(-c.pid, 'SIGKILL');
  };
  const onSignal = () => {
    killNow();
    process.exit(130);
  };
  process.once('exit', killNow);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const stop = async () => {
    await Promise.all(children.map(stopGroup));
    process.off('exit', killNow);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    closeSync(log);
  };

  let app: ChildProcess | undefined;
  try {
    const eko = spawnGroup([TSX_CLI, 'sandbox/eko/main.ts'], { EKO_SANDBOX_PORT: String(options.ekoPort) });
    await waitForHttp(`http://127.0.0.1:${options.ekoPort}/health`, 30_000, eko);
    app = spawnGroup([TSX_CLI, 'scripts/serve.ts', '-p', String(options.appPort), '-H', '127.0.0.1'], {
      EKO_SANDBOX_URL: `http://127.0.0.1:${options.ekoPort}/ekoapi/v3`,
      DATA_DIR: options.dataDir,
      // A sandbox on a PostgreSQL is refused unless declared intended (lib/config/schema.ts).
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl, SANDBOX: '1' } : {}),
      ...options.appEnv,
    });
    await waitForHttp(`http://127.0.0.1:${options.appPort}/api/health`, 60_000, app);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message} (server log: ${options.logFile})`);
  }
  const appPid = app.pid!;
  return { origin: `http://127.0.0.1:${options.appPort}`, appCpuSeconds: () => groupCpuSeconds(appPid), stop };
}
