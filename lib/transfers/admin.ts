import 'server-only';
import { ApiError } from '@/lib/api/errors';
import type { SessionUser } from '@/lib/auth/current-user';
import { recordSecurityEvent } from '@/lib/auth/events';
import type { CloseTransactionInput } from '@/lib/schemas/transfer';
import { transactionRowFor, viewOfRow } from './loaders';
import { checkTransaction, isClosableNotAtEko } from './reconcile';
import type { TransactionView } from './types';

// What an admin may decide about a transaction. A row whose money call got no answer stays
// unknown until Eko's inquiry says what happened, and "not found" never becomes failed on its own
// (the call may still surface). After a day the reconciler stops asking, and a row Eko has never
// recorded would block its recipient (or customer) for good, so an admin closes it: one more
// inquiry, now, and only a readable "not found" closes it as failed ("not at Eko"); an answer
// that finds it settles it as Eko says instead. Audited with the admin, the row and the reason.

export async function closeNotAtEko(ctx: { req: Request; admin: SessionUser }, id: string, input: CloseTransactionInput): Promise<TransactionView> {
  const startedAt = performance.now();
  const row = await transactionRowFor(id, ctx.admin);
  const audit = (outcome: 'ok' | 'refused', detail: string) =>
    recordSecurityEvent(ctx.req, { action: 'admin.transaction_close', outcome, actorId: ctx.admin.id, targetUserId: row.agentId, detail, startedAt });
  if (!isClosableNotAtEko(row)) {
    await audit('refused', `${row.clientRefId}:${row.state}`);
    throw new ApiError('close_not_allowed');
  }
  const after = await checkTransaction(row, 'admin', undefined, { closeIfNotFound: true });
  await audit(after.state === 'unknown' ? 'refused' : 'ok', `${row.clientRefId}:${after.state}:${input.reason}`);
  // No readable answer from Eko now: nothing was decided; the admin may try again later.
  if (after.state === 'unknown') throw new ApiError('upstream_unavailable');
  return viewOfRow(after);
}
