import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, TSX_CLI } from './lib/build';

// `npm start` validates the configuration before it starts anything: a sandbox on a PostgreSQL
// that nobody said was intended stops here, before a demo account could reach that database.

/** Runs `npm start`'s script in its own process group, killed as a whole if it gets further than it should. */
function start(env: Record<string, string | undefined>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX_CLI, 'scripts/start.ts'], {
      cwd: ROOT,
      env: env as NodeJS.ProcessEnv,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const kill = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(kill, 15_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      kill(); // anything it left behind (a sandbox, a build)
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm start', () => {
  it('refuses sandbox mode with DATABASE_URL and no SANDBOX=1, naming both variables and the way out', async () => {
    const res = await start({
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: 'postgres://agentdesk:pg-secret-pw@127.0.0.1:1/agentdesk',
      // Should it get past the check, it must not take the shared machine's sandbox ports.
      EKO_SANDBOX_URL: 'http://127.0.0.1:1/ekoapi/v3',
      RD_SANDBOX: 'off',
    });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/DATABASE_URL is set but EKO_BASE_URL is not/);
    expect(res.stderr).toMatch(/SANDBOX=1/);
    expect(res.stderr).not.toMatch(/pg-secret-pw/);
    // Nothing was started: no sandbox, no build, no server.
    expect(res.stdout).not.toMatch(/\[start\]|sandbox mode:/);
  }, 30_000);
});
