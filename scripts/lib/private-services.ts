import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './processes';

// A PostgreSQL and a Redis of the test's own, in a temporary folder on ports of their own, that
// the test may stop and start at will: the machine's shared servers (other tests', other
// people's) are never touched. Debian's binaries, as .ci/run installs them (apt: postgresql,
// redis-server); initdb refuses to run as root, so as root the cluster runs as the `postgres`
// user the package creates.

/** Debian's newest PostgreSQL (/usr/lib/postgresql/<version>/bin), else initdb on PATH; null if neither. */
export function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const initdb = which.status === 0 ? which.stdout.trim() : '';
  return initdb && existsSync(join(initdb, '..', 'pg_ctl')) ? join(initdb, '..') : null;
}

export function findRedisServer(): string | null {
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

/** The uid and gid to run PostgreSQL as: ours, or the `postgres` user's when we are root. */
function postgresUser(): { uid: number; gid: number } | null | 'self' {
  if (process.getuid?.() !== 0) return 'self';
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export interface PrivatePostgres {
  /** postgres://agentdesk@127.0.0.1:<port>/agentdesk (trust authentication: no password). */
  url: string;
  stop(): void;
  start(): void;
  /** Stops it for good and removes its folder. */
  destroy(): void;
}

/**
 * initdb into a temporary folder, then start on a free port (loopback only, trust authentication,
 * no fsync: nothing here needs to survive a power cut), with a database `agentdesk`. Returns
 * the reason instead when it cannot be done on this machine.
 */
export async function startPrivatePostgres(bin: string): Promise<PrivatePostgres | string> {
  const user = postgresUser();
  if (user === null) return 'running as root and there is no `postgres` user to run initdb as';
  const dir = mkdtempSync(join(tmpdir(), 'agentdesk-pg-'));
  const as = user === 'self' ? {} : user;
  if (user !== 'self') chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const run = (cmd: string, args: string[]) => {
    const res = spawnSync(join(bin, cmd), args, { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' }, ...as, timeout: 60_000 });
    if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${res.status}): ${(res.stderr || res.stdout).slice(-600)}`);
  };
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const start = () => run('pg_ctl', ['-D', data, '-l', join(dir, 'postgres.log'), '-o', options, '-w', '-t', '30', 'start']);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
  let running = false;
  const stopIfRunning = () => {
    if (running) spawnSync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], { cwd: dir, ...as, stdio: 'ignore' });
    running = false;
  };
  // A crash of the test must not leave a postmaster behind on the shared machine.
  process.once('exit', stopIfRunning);
  try {
    run('initdb', ['-D', data, '-U', 'agentdesk', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    start();
    running = true;
    const admin = new pg.Client({ connectionString: `postgres://agentdesk@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query('create database agentdesk');
    await admin.end();
  } catch (err) {
    stopIfRunning();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `postgres://agentdesk@127.0.0.1:${port}/agentdesk`,
    stop: () => {
      stop();
      running = false;
    },
    start: () => {
      start();
      running = true;
    },
    destroy: () => {
      stopIfRunning();
      process.off('exit', stopIfRunning);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

async function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

/** redis-server as a child of this process, in the foreground, nothing persisted. */
export async function startPrivateRedis(binary: string): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const kill = () => child?.kill('SIGKILL');
  process.once('exit', kill);
  const start = async () => {
    child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    while (!(await portAnswers(port))) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server on ${port} did not start`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    running.kill('SIGTERM');
    await once(running, 'exit');
  };
  await start();
  const destroy = async () => {
    await stop();
    process.off('exit', kill);
  };
  return { url: `redis://127.0.0.1:${port}`, start, stop, destroy };
}
