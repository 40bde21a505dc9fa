import { spawn } from 'node:child_process';
import { NEXT_BIN, ROOT } from './build';

/**
 * The built app itself (not only `npm start`) refuses sandbox mode on a PostgreSQL nobody said was
 * a sandbox's: `next start` with DATABASE_URL and without EKO_BASE_URL or SANDBOX must exit at
 * once with a message naming both. Nothing listens at that URL; the check comes first.
 */
export function startRefusalProblems(): Promise<string[]> {
  const env: Record<string, string | undefined> = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: 'postgres://agentdesk@127.0.0.1:1/none', DATA_DIR: '.data/refusal' };
  delete env.EKO_BASE_URL;
  delete env.SANDBOX;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [NEXT_BIN, 'start', '-p', '3298', '-H', '127.0.0.1'], { cwd: ROOT, env: env as NodeJS.ProcessEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
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
      if (!/DATABASE_URL is set but EKO_BASE_URL is not/.test(output) || !/SANDBOX=1/.test(output)) problems.push(`no refusal naming DATABASE_URL, EKO_BASE_URL and SANDBOX=1 in: ${output.slice(-400)}`);
      resolve(problems);
    });
  });
}
