import 'server-only';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { getConfig } from '@/lib/config';

// SESSION_SECRET (and later AADHAAR_TRANSPORT_KEY) may be left unset on one machine: they are
// then generated once and kept in DATA_DIR (mode 0600). Several instances must share them via env.

let sessionSecret: Uint8Array | undefined;

export function sessionKey(): Uint8Array {
  if (sessionSecret) return sessionSecret;
  const { sessionSecret: configured, dataDir } = getConfig();
  let value = configured;
  if (!value && dataDir === 'memory') value = randomBytes(32).toString('base64url');
  if (!value) {
    const file = join(dataDir, 'session-secret');
    if (existsSync(file)) value = readFileSync(file, 'utf8').trim();
    else {
      mkdirSync(dataDir, { recursive: true });
      value = randomBytes(32).toString('base64url');
      writeFileSync(file, value, { mode: 0o600 });
    }
  }
  sessionSecret = new TextEncoder().encode(value);
  return sessionSecret;
}
