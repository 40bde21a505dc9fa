import 'server-only';
import { getTableColumns, sql } from 'drizzle-orm';
import { type Db, getDb } from '@/lib/db/client';
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

type AuditColumn = Exclude<keyof AuditRow, 'id'>;
const AUDIT_COLUMNS = Object.keys(getTableColumns(auditEvents)).filter((c) => c !== 'id') as AuditColumn[];

function prepareAuditInsert(db: Db) {
  const values = Object.fromEntries(AUDIT_COLUMNS.map((c) => [c, sql.placeholder(c)])) as unknown as AuditRow;
  return db.insert(auditEvents).values(values).prepare('audit_insert');
}

// One row per Eko call (and per sign-in and admin action): the insert is built once per database
// and kept prepared on each connection rather than built afresh for every call (issue 16, part 4).
const auditInsert = new WeakMap<Db, ReturnType<typeof prepareAuditInsert>>();

export async function writeAuditRow(row: AuditRow): Promise<boolean> {
  const at = row.at ?? new Date();
  // Every column named: a placeholder left unset would be sent as undefined, not as its default.
  const params: Record<string, unknown> = { attempts: 1 };
  for (const c of AUDIT_COLUMNS) params[c] = row[c] ?? params[c] ?? null;
  params.at = at;
  return writeWithRetry(
    'audit row',
    async () => {
      const db = await getDb();
      let insert = auditInsert.get(db);
      if (!insert) {
        insert = prepareAuditInsert(db);
        auditInsert.set(db, insert);
      }
      await insert.execute(params);
    },
    { ...row, at: at.toISOString() },
  );
}
