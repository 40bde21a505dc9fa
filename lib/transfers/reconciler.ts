import 'server-only';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { leaseDueTransactions, releaseLease } from '@/lib/db/queries/transactions';
import { errorKind, logger } from '@/lib/log';
import { onForget } from '@/lib/process-state';
import { checkTransaction } from './reconcile';

// The server-side reconciler: every few seconds each instance leases the pending transactions
// whose next inquiry is due (FOR UPDATE SKIP LOCKED, lib/db/queries/transactions.ts), asks Eko
// about each once, and lets go. Instances never check one row twice at the same time, a row an
// instance dropped (a crash mid-inquiry) is free again when its lease ends, and a browser tab
// plays no part: a closed tab, a dead tablet or a refresh changes nothing here.

/** Rows one round takes; the rest wait for the next round (each inquiry is one Eko call). */
export const ROUND_SIZE = 20;
/** Longer than an inquiry can take (Eko timeout ≤ 40 s, one retry of an idempotent call). */
export const LEASE_SECONDS = 120;

/** One round: the rows it checked (for tests and the log). */
export async function reconcileRound(limit = ROUND_SIZE): Promise<number> {
  const db = await getDb();
  const rows = await leaseDueTransactions(db, limit, LEASE_SECONDS);
  for (const row of rows) {
    try {
      await checkTransaction(row, 'reconciler');
    } catch (err) {
      logger().error({ transactionId: row.id, err: errorKind(err) }, 'reconciler check failed');
    } finally {
      // checkTransaction clears the lease with the row's new schedule; an error leaves it to us.
      await releaseLease(db, row.id).catch(() => {});
    }
  }
  return rows.length;
}

let timer: NodeJS.Timeout | null = null;
let running = false;

/** Starts the rounds in this process (instrumentation.ts); RECONCILER_INTERVAL_SECONDS=0 leaves them to another instance. */
export function startReconciler(): void {
  const seconds = getConfig().reconcilerIntervalSeconds;
  if (seconds === 0 || timer) return;
  timer = setInterval(() => {
    if (running) return;
    running = true;
    reconcileRound()
      .catch((err: unknown) => logger().error({ err: errorKind(err) }, 'reconciler round failed'))
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  // The reconciler never keeps a process alive on its own.
  timer.unref();
}

export function stopReconciler(): void {
  if (timer) clearInterval(timer);
  timer = null;
}
onForget('reconciler', stopReconciler);
