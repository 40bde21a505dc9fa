import 'server-only';
import { getDb } from '@/lib/db/client';
import { auditEvents } from '@/lib/db/schema';
import { errorKind, logger } from '@/lib/log';

// Writing what already happened (an Eko answer, a sign-in, an admin action) must survive a
// database hiccup: a few quick retries, and if the write still fails, one error line that holds the
// whole row, so an operator can replay it from the logs. The rows never hold an Aadhaar number,
// PID data or an OTP by construction, so the line is as safe to log as the row is to store.

export type AuditRow = typeof auditEvents.$inferInsert;

/** Retry delays: about 1.3 s in all, well inside any request's patience. */
const RETRY_DELAYS_MS = [50, 250, 1000];

/**
 * Runs a write, retrying on any failure; returns false (after logging `lost` with the replay
 * details) when every attempt failed. Never throws: the caller's outcome stands either way.
 */
export async function writeWithRetry(what: string, write: () => Promise<unknown>, replay: Record<string, unknown>): Promise<boolean> {
  let lastError: unknown;
  for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt - 1]));
    try {
      await write();
      return true;
    } catch (err) {
      lastError = err;
    }
  }
  logger().error(
    {
      what,
      attempts: RETRY_DELAYS_MS.length + 1,
      err: errorKind(lastError),
      replay,
    },
    `${what} not recorded`,
  );
  return false;
}

export async function writeAuditRow(row: AuditRow): Promise<boolean> {
  const at = row.at ?? new Date();
  return writeWithRetry('audit row', async () => (await getDb()).insert(auditEvents).values({ ...row, at }), { ...row, at: at.toISOString() });
}
