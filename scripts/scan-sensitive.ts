// After the end-to-end run: the Aadhaar numbers, OTPs and bank account numbers the tests typed
// (or the sandbox holds) and every PID payload the RD sandbox produced must appear nowhere in the
// app server's log, the database or what the browser stored. Accounts are kept masked only.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RECIPIENT_FIXTURES } from '../sandbox/eko/fixtures';
import { SANDBOX_PID_MARKER } from '../sandbox/rd/pid';

/** Every Aadhaar number the e2e suite enters (sandbox/eko fixtures and refused examples). */
// The customers' of e2e/aeps-transactions.spec.ts too (a healthy account, a biometric mismatch) and
// the 16-digit Virtual ID it types.
export const E2E_AADHAAR_NUMBERS = ['999999990019', '999999990026', '999999990035', '123456789012', '999999991101', '999999991015', '9999888877776666'];

/** Every OTP the e2e suite types (sandbox/eko fixtures: right, expired and wrong ones). */
export const E2E_OTPS = ['123456', '000000', '111111', '999999'];

/**
 * Every full account number: the sandbox's saved recipients and what the e2e money specs type
 * (add a number here when a spec types a new one).
 */
export const E2E_ACCOUNT_NUMBERS = [
  ...Object.values(RECIPIENT_FIXTURES).flatMap((list) => list.map((r) => r.account)),
  '30009988776',
  '12340000567890',
  '112233445566',
  '112233445567',
  '50100099887766',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const SENSITIVE_PATTERNS: { name: string; pattern: RegExp }[] = [
  ...E2E_AADHAAR_NUMBERS.map((n) => ({ name: `Aadhaar ${n.slice(0, 2)}…${n.slice(-2)}`, pattern: new RegExp(escape(n)) })),
  // Six digits are short: only where no other digit or hex letter touches them, so they are not
  // read out of a longer number, a timestamp or a random id.
  ...E2E_OTPS.map((otp) => ({ name: `OTP ${otp.slice(0, 1)}…${otp.slice(-1)}`, pattern: new RegExp(`(?<![0-9a-fA-F])${otp}(?![0-9a-fA-F])`) })),
  ...E2E_ACCOUNT_NUMBERS.map((n) => ({ name: `account …${n.slice(-4)}`, pattern: new RegExp(`(?<!\\d)${n}(?!\\d)`) })),
  { name: 'PidData XML', pattern: /<PidData/ },
  { name: 'PID session key', pattern: /<Skey/ },
  { name: 'sandbox PID block', pattern: new RegExp(escape(SANDBOX_PID_MARKER)) },
  { name: 'sandbox PID block (base64)', pattern: new RegExp(escape(Buffer.from(SANDBOX_PID_MARKER).toString('base64').slice(0, 24))) },
];

export function findSensitive(text: string): string[] {
  return SENSITIVE_PATTERNS.filter((p) => p.pattern.test(text)).map((p) => p.name);
}

function files(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) files(full, out);
    else out.push(full);
  }
  return out;
}

/** Raw bytes of an embedded PGlite data directory (heap, WAL): text values are stored as is. */
export function scanDirectory(dir: string): { file: string; found: string[] }[] {
  return files(dir)
    .map((file) => ({ file, found: findSensitive(readFileSync(file, 'latin1')) }))
    .filter((r) => r.found.length > 0);
}

/** Every row of every table of a PostgreSQL database, as text. */
export async function scanPostgres(url: string): Promise<{ table: string; found: string[] }[]> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `select quote_ident(table_schema) || '.' || quote_ident(table_name) as name from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE'`,
    );
    const hits: { table: string; found: string[] }[] = [];
    for (const { name } of tables) {
      const { rows } = await client.query<{ dump: string | null }>(`select string_agg(t::text, E'\\n') as dump from ${name} t`);
      const found = findSensitive(rows[0]?.dump ?? '');
      if (found.length > 0) hits.push({ table: name, found });
    }
    return hits;
  } finally {
    await client.end();
  }
}
