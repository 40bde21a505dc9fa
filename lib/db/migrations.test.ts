import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { migrated } from './client';

// The migrations themselves, from a database as the previous release left it (security round 2).

const ROOT = join(import.meta.dirname, '..', '..');
let work = '';
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** drizzle/ with its journal cut after `count` migrations: a database as an older release made it. */
function migrationsUpTo(count: number): string {
  const dir = join(work, `migrations-${count}`);
  cpSync(join(ROOT, 'drizzle'), dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

function filesContaining(dir: string, needle: Buffer, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) filesContaining(full, needle, out);
    else if (readFileSync(full).includes(needle)) out.push(full);
  }
  return out;
}

const MARKER = 'c0ffee' + '0'.repeat(50) + 'deadbeef'; // 64 hex digits, like a stored hash

describe('migration 0001', () => {
  it('empties and drops the Aadhaar hashes, leaving no copy in the table files', async () => {
    work = mkdtempSync(join(tmpdir(), 'agentdesk-migrate-'));
    const dataDir = join(work, 'pglite');
    let client = new PGlite(dataDir);
    await migrate(drizzle({ client }), { migrationsFolder: migrationsUpTo(1) });
    await client.query(`insert into users (role, name, mobile, eko_user_code, password_hash) values ('agent', 'A', '9800000001', '20810200', 'x')`);
    await client.query(`insert into audit_events (action, outcome, latency_ms, aadhaar_last4, aadhaar_hash) values ('sender.ekyc', 'ok', 1, '0019', $1)`, [
      MARKER,
    ]);
    await client.query('checkpoint');
    await client.close();
    expect(filesContaining(join(dataDir, 'base'), Buffer.from(MARKER)).length).toBeGreaterThan(0);

    client = new PGlite(dataDir);
    await migrate(drizzle({ client }), { migrationsFolder: join(ROOT, 'drizzle') });
    const { rows } = await client.query<{ aadhaar_last4: string }>('select * from audit_events');
    expect(rows).toEqual([expect.objectContaining({ aadhaar_last4: '0019' })]);
    expect(Object.keys(rows[0]!)).not.toContain('aadhaar_hash');
    await client.query('checkpoint');
    await client.close();
    // The table's own files hold no copy (write-ahead log segments age out on their own: README).
    expect(filesContaining(join(dataDir, 'base'), Buffer.from(MARKER))).toEqual([]);
  });

  it('stops, naming the codes, where two agents share an Eko user code', async () => {
    work = mkdtempSync(join(tmpdir(), 'agentdesk-migrate-'));
    const client = new PGlite();
    await migrate(drizzle({ client }), { migrationsFolder: migrationsUpTo(1) });
    await client.query(
      `insert into users (role, name, mobile, eko_user_code, password_hash) values ('agent', 'A', '9800000001', '20810200', 'x'), ('agent', 'B', '9800000002', '20810200', 'x')`,
    );
    await expect(migrated(() => migrate(drizzle({ client }), { migrationsFolder: join(ROOT, 'drizzle') }))).rejects.toThrow(
      /database migration failed: Several agents share the Eko user code\(s\) 20810200: give each agent its own code/,
    );
    await client.close();
  });
});
