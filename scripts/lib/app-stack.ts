import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, TSX_CLI } from './build';
import { waitForHttp } from './processes';

// The built app (as `npm start` serves it) plus the Eko sandbox, on ports of their own: one
// instance for the load test and the benchmark, several sharing a PostgreSQL for the two-instance
// test (test/two-instances.test.ts). Ports and data directories differ from the e2e suite's (3199,
// 4199, .data/e2e) so they can run on one machine at the same time.

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
  /** Flags for the app's Node process, e.g. `--cpu-prof` (not allowed in NODE_OPTIONS). */
  nodeArgs?: string[];
  /** The RD sandbox too, on its own ports (a fingerprint for the AePS pages the bench measures). */
  rdSandbox?: boolean;
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

/** Variables of the shell that would change what the servers are: each stack sets its own. */
const STACK_DECIDES = [
  'EKO_BASE_URL',
  'DATABASE_URL',
  'SANDBOX',
  'RATE_LIMIT_STORE',
  'REDIS_URL',
  'SESSION_SECRET',
  'AADHAAR_TRANSPORT_KEY',
  'AADHAAR_TRANSPORT_KEY_PREVIOUS',
  'RECONCILER_INTERVAL_SECONDS',
  'TRUST_PROXY',
  'TRUST_PROXY_HOPS',
] as const;

/**
 * Servers started by this script, each in its own process group with its output in a log file,
 * all stopped together (and killed outright should this script die first).
 */
function serverGroups() {
  const children: ChildProcess[] = [];
  const logs = new Map<string, number>();
  // Sandbox mode, on the embedded database unless a stack names a PostgreSQL, whatever this shell
  // has set: the figures and the tests must not depend on a real Eko or on a database picked up
  // by accident.
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  for (const name of STACK_DECIDES) delete baseEnv[name];

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

  return {
    spawn(args: string[], env: Record<string, string>, logFile: string): ChildProcess {
      let log = logs.get(logFile);
      if (log === undefined) {
        mkdirSync(dirname(logFile), { recursive: true });
        log = openSync(logFile, 'w');
        logs.set(logFile, log);
      }
      const child = spawn(process.execPath, args, {
        cwd: ROOT,
        detached: true, // its own process group, killed as a whole
        stdio: ['ignore', log, log],
        env: { ...baseEnv, ...env },
      });
      children.push(child);
      return child;
    },
    async stop(): Promise<void> {
      await Promise.all(children.map(stopGroup));
      process.off('exit', killNow);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      for (const log of logs.values()) closeSync(log);
      logs.clear();
    },
  };
}

type ServerGroups = ReturnType<typeof serverGroups>;

function startEkoSandbox(groups: ServerGroups, port: number, logFile: string): Promise<void> {
  const eko = groups.spawn([TSX_CLI, 'sandbox/eko/main.ts'], { EKO_SANDBOX_PORT: String(port) }, logFile);
  return waitForHttp(`http://127.0.0.1:${port}/health`, 30_000, eko);
}

/** The RD sandbox on its fixed ports (sandbox/rd/main.ts; its control port answers /health). */
function startRdSandbox(groups: ServerGroups, logFile: string): Promise<void> {
  const rd = groups.spawn([TSX_CLI, 'sandbox/rd/main.ts'], {}, logFile);
  return waitForHttp('http://127.0.0.1:11290/health', 30_000, rd);
}

/** The built app as `npm start` serves it (scripts/serve.ts in front of Next), talking to the Eko sandbox on `ekoPort`. */
function startApp(
  groups: ServerGroups,
  port: number,
  ekoPort: number,
  env: Record<string, string>,
  logFile: string,
  nodeArgs: string[] = [],
): { child: ChildProcess; ready: Promise<void> } {
  // With Node flags, tsx is loaded in the app's own process (its CLI would start a second one).
  const entry = nodeArgs.length ? [...nodeArgs, '--import', 'tsx'] : [TSX_CLI];
  const child = groups.spawn(
    [...entry, 'scripts/serve.ts', '-p', String(port), '-H', '127.0.0.1'],
    { EKO_SANDBOX_URL: `http://127.0.0.1:${ekoPort}/ekoapi/v3`, ...env },
    logFile,
  );
  return { child, ready: waitForHttp(`http://127.0.0.1:${port}/api/health`, 60_000, child) };
}

export async function startAppStack(options: StackOptions): Promise<AppStack> {
  rmSync(join(ROOT, options.dataDir), { recursive: true, force: true });
  const groups = serverGroups();
  let app: ChildProcess;
  try {
    await startEkoSandbox(groups, options.ekoPort, options.logFile);
    if (options.rdSandbox) await startRdSandbox(groups, options.logFile);
    const started = startApp(
      groups,
      options.appPort,
      options.ekoPort,
      {
        DATA_DIR: options.dataDir,
        // A sandbox on a PostgreSQL is refused unless declared intended (lib/config/schema.ts).
        ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl, SANDBOX: '1' } : {}),
        ...options.appEnv,
      },
      options.logFile,
      options.nodeArgs,
    );
    app = started.child;
    await started.ready;
  } catch (err) {
    await groups.stop();
    throw new Error(`${(err as Error).message} (server log: ${options.logFile})`);
  }
  const appPid = app.pid!;
  return { origin: `http://127.0.0.1:${options.appPort}`, appCpuSeconds: () => groupCpuSeconds(appPid), stop: groups.stop };
}

export interface SharedInstancesOptions {
  ekoPort: number;
  /** Every instance's name (for its log file), port and own settings (on top of `shared`). */
  instances: { name: string; port: number; env: Record<string, string> }[];
  /** What every instance is given alike: the database, the counters' store, the secrets. */
  shared: Record<string, string>;
  /** Wiped before start; nothing should land in it when `shared` names the database and the secrets. */
  dataDir: string;
  /** Log files: `${logPrefix}-eko.log`, and `${logPrefix}-${name}.log` per instance. */
  logPrefix: string;
}

export interface SharedInstances {
  ekoOrigin: string;
  origins: string[];
  logFiles: { eko: string; instances: string[] };
  stop(): Promise<void>;
}

/**
 * One Eko sandbox and several instances of the built app in front of it, sharing what `shared`
 * names (a deployment behind a load balancer, minus the balancer): the two-instance test. The
 * instances start at the same moment, as a rollout would start them, so they also meet at the
 * migrations and the training accounts.
 */
export async function startSharedInstances(options: SharedInstancesOptions): Promise<SharedInstances> {
  rmSync(join(ROOT, options.dataDir), { recursive: true, force: true });
  const groups = serverGroups();
  const logFiles = { eko: `${options.logPrefix}-eko.log`, instances: options.instances.map((i) => `${options.logPrefix}-${i.name}.log`) };
  try {
    await startEkoSandbox(groups, options.ekoPort, logFiles.eko);
    await Promise.all(
      options.instances.map(
        (instance, i) =>
          startApp(groups, instance.port, options.ekoPort, { DATA_DIR: options.dataDir, ...options.shared, ...instance.env }, logFiles.instances[i]!).ready,
      ),
    );
  } catch (err) {
    await groups.stop();
    throw new Error(`${(err as Error).message} (server logs: ${[logFiles.eko, ...logFiles.instances].join(', ')})`);
  }
  return {
    ekoOrigin: `http://127.0.0.1:${options.ekoPort}`,
    origins: options.instances.map((i) => `http://127.0.0.1:${i.port}`),
    logFiles,
    stop: groups.stop,
  };
}
