import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { SESSION_COOKIE, signSession } from '@/lib/auth/session';
import { createSession } from '@/lib/db/queries/sessions';

import { closeDb, type Db, getDb } from '@/lib/db/client';
import type { Role } from '@/lib/auth/roles';
import { createUser } from '@/lib/db/queries/users';
import type { User } from '@/lib/db/schema';
import { forget } from '@/lib/process-state';
import { resetRateLimits } from '@/test/rate-limit-store';

// For database-facing tests: in-memory PGlite by default, or the PostgreSQL in TEST_DATABASE_URL
// (CI runs the suite both ways). Every test starts from empty tables.

export function useTestDatabase(): { db: () => Db } {
  let db: Db | undefined;
  beforeAll(async () => {
    if (process.env.TEST_DATABASE_URL) {
      process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
      // A test database in sandbox mode is what TEST_DATABASE_URL means (lib/config/schema.ts).
      process.env.SANDBOX = '1';
    } else process.env.DATA_DIR = 'memory';
    await forget('config');
    await resetRateLimits();
    await closeDb();
    db = await getDb();
  });
  beforeEach(async () => {
    await db!.execute(
      sql`truncate table transaction_events, transactions, reference_cache, audit_events, device_errors, rate_limits, login_lockouts, sessions, users restart identity cascade`,
    );
    // Counters kept outside the database (memory, Redis) start from zero too.
    await resetRateLimits();
  });
  afterAll(async () => {
    await closeDb();
    await resetRateLimits();
  });
  return { db: () => db! };
}

let counter = 0;

/** Eko user codes are unique: each test agent gets its own (the sandbox accepts any). */
const testUserCode = () => `2081${String(counter).padStart(4, '0')}`;

export async function createTestUser(
  role: Role,
  overrides: Partial<{ name: string; mobile: string; password: string; ekoUserCode: string | null; temporaryUntil: Date | null }> = {},
): Promise<User> {
  counter += 1;
  const result = await createUser(await getDb(), {
    role,
    name: overrides.name ?? `Test ${role} ${counter}`,
    mobile: overrides.mobile ?? `98${String(Date.now() % 1e6).padStart(6, '0')}${String(counter % 100).padStart(2, '0')}`,
    ekoUserCode: overrides.ekoUserCode === undefined ? (role === 'agent' ? testUserCode() : null) : overrides.ekoUserCode,
    passwordHash: await hashPassword(overrides.password ?? 'test-password-1'),
    temporaryUntil: overrides.temporaryUntil ?? null,
  });
  if (!result.ok) throw new Error(`test user ${result.taken} collided`);
  return result.user;
}

/** A signed-in session for the user, as the login route would issue it (`name=value`). */
export async function cookieFor(user: User): Promise<string> {
  const session = await createSession(await getDb(), {
    userId: user.id,
    credentialsVersion: user.credentialsVersion,
    expiresAt: new Date(Date.now() + 3600_000),
    clientAddress: null,
  });
  return `${SESSION_COOKIE.plain}=${await signSession({ userId: user.id, role: user.role, sessionId: session.id })}`;
}
