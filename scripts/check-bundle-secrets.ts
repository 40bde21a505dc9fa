// Fails when any credential value appears in the client bundle (.next/static) after a build.
// Checks the sandbox credentials and whatever real ones are set in this environment.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SANDBOX_CREDENTIALS } from '../lib/config/schema';
import { ROOT } from './lib/build';

export function credentialValues(env: NodeJS.ProcessEnv = process.env): string[] {
  const values: string[] = [SANDBOX_CREDENTIALS.developerKey, SANDBOX_CREDENTIALS.accessKey];
  for (const name of ['EKO_DEVELOPER_KEY', 'EKO_ACCESS_KEY', 'SESSION_SECRET', 'AADHAAR_TRANSPORT_KEY', 'AADHAAR_TRANSPORT_KEY_PREVIOUS']) {
    const v = env[name]?.trim();
    if (v && v.length >= 8) values.push(v);
  }
  // The HMAC key is base64(access key): it must not leak either.
  return [...values, ...values.map((v) => Buffer.from(v).toString('base64'))];
}

function files(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files(full, out);
    else out.push(full);
  }
  return out;
}

export function scanStaticBundle(staticDir = join(ROOT, '.next', 'static')): { scanned: number; leaks: string[] } {
  if (!existsSync(staticDir)) throw new Error(`${staticDir} does not exist: build first`);
  const secrets = credentialValues();
  const leaks: string[] = [];
  const all = files(staticDir);
  for (const file of all) {
    const text = readFileSync(file, 'latin1');
    if (secrets.some((s) => text.includes(s))) leaks.push(file);
  }
  return { scanned: all.length, leaks };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { scanned, leaks } = scanStaticBundle();
  if (leaks.length > 0) {
    console.error(`Credential values found in the client bundle:\n${leaks.join('\n')}`);
    process.exit(1);
  }
  console.log(`[bundle] no credential in ${scanned} files under .next/static`);
}
