import { spawn } from 'node:child_process';
import { NEXT_BIN, ROOT } from './build';

/**
 * The built app itself (not only `npm start`) refuses sandbox mode on a PostgreSQL nobody said was
 * a sandbox's: `next start` with DATABASE_URL and without EKO_BASE_URL or SANDBOX must exit at
 * once with a message naming both. Nothing listens at that URL; the check comes first.
 */
export function startRefusalProblems(): Promise<string[]> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: 'postgres://agentdesk@127.0.0.1:1/none',
    DATA_DIR: '.data/refusal',
  };
  delete env.EKO_BASE_URL;
  delete env.SANDBOX;
  return refusalOf(env, [/DATABASE_URL is set but EKO_BASE_URL is not/, /SANDBOX=1/]);
}

/**
 * A bare `next start` (not scripts/serve.ts) exits at once, even on a good configuration: it
 * cannot know client addresses (lib/config/startup.ts).
 */
export function bareNextStartProblems(): Promise<string[]> {
  const env: Record<string, string | undefined> = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATA_DIR: '.data/refusal' };
  delete env.EKO_BASE_URL;
  delete env.DATABASE_URL;
  return refusalOf(env, [/must be started with `npm start`/]);
}

function refusalOf(env: Record<string, string | undefined>, expected: RegExp[]): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [NEXT_BIN, 'start', '-p', '3298', '-H', '127.0.0.1'], {
      cwd: ROOT,
      env: env as NodeJS.ProcessEnv,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (c: Buffer) => (output += c.toString('utf8')));
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    };
    const timer = setTimeout(killGroup, 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      killGroup();
      const problems: string[] = [];
      if (code !== 1) problems.push(`next start exited with ${code} (killed after 30 s if null): it should refuse at once`);
      if (!expected.every((re) => re.test(output))) problems.push(`no refusal matching ${expected.join(' and ')} in: ${output.slice(-400)}`);
      resolve(problems);
    });
  });
}
