import 'server-only';
import type { ActivityRow } from '@/lib/db/queries/activity';
import type { TransactionView } from '@/lib/transfers/types';

// The admin's CSV exports: one column table per export, streamed batch by batch.

type Columns<R> = readonly (readonly [string, (r: R) => unknown])[];

export const ACTIVITY_COLUMNS: Columns<ActivityRow> = [
  ['time', (r) => r.at.toISOString()],
  ['agent', (r) => r.agentName],
  ['agent_mobile', (r) => r.agentMobile],
  ['action', (r) => r.action],
  ['sender_mobile', (r) => r.senderMobile],
  ['target', (r) => r.targetName],
  ['target_mobile', (r) => r.targetMobile],
  ['client_address', (r) => r.clientAddress],
  ['outcome', (r) => r.outcome],
  ['detail', (r) => r.detail],
  ['eko_status', (r) => r.ekoStatus],
  ['eko_response_type_id', (r) => r.ekoResponseTypeId],
  ['latency_ms', (r) => r.latencyMs],
  ['client_ref_id', (r) => r.clientRefId],
  ['aadhaar_last4', (r) => r.aadhaarLast4],
];

/** Paise as rupees with two decimals ("1010.00"): what a spreadsheet sums without rounding. */
const rupees = (paise: number | null) => (paise === null ? null : (paise / 100).toFixed(2));

/** Transactions: amounts in rupees, the account only masked (it is stored masked). */
export const TRANSACTION_COLUMNS: Columns<TransactionView> = [
  ['created', (r) => r.createdAt],
  ['final', (r) => r.finalAt],
  ['kind', (r) => r.kind],
  ['state', (r) => r.state],
  ['client_ref_id', (r) => r.clientRefId],
  ['agent', (r) => r.agent.name],
  ['agent_id', (r) => r.agent.id],
  ['sender_mobile', (r) => r.senderMobile],
  ['sender_name', (r) => r.senderName],
  ['recipient', (r) => r.recipient?.name],
  ['bank', (r) => r.recipient?.bank],
  ['ifsc', (r) => r.recipient?.ifsc],
  ['account', (r) => r.recipient?.accountMasked],
  ['amount_rupees', (r) => rupees(r.amountPaise)],
  ['fee_estimate_rupees', (r) => rupees(r.feeEstimatePaise)],
  ['fee_rupees', (r) => rupees(r.feePaise)],
  ['collectable_rupees', (r) => rupees(r.collectablePaise)],
  ['fee_mismatch', (r) => (r.feeMismatch ? 'yes' : '')],
  ['eko_tid', (r) => r.ekoTid],
  ['bank_ref', (r) => r.bankRef],
  ['decline_reason', (r) => r.declineReason],
  ['eko_reason', (r) => r.ekoReason],
  ['refund_of', (r) => r.refundOf],
  ['refund_state', (r) => r.refund?.state],
  ['refund_tid', (r) => r.refund?.refundTid],
];

/** RFC 4180 quoting, and a leading quote on =,+,-,@ so spreadsheets never run a cell as a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvHeader = <R>(columns: Columns<R>) => `${columns.map(([name]) => name).join(',')}\r\n`;
export const csvRow = <R>(columns: Columns<R>, r: R) => `${columns.map(([, get]) => csvCell(get(r))).join(',')}\r\n`;

export function csvStream<R>(columns: Columns<R>, batches: AsyncGenerator<R[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(csvHeader(columns)));
    },
    async pull(controller) {
      const { done, value } = await batches.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value.map((r) => csvRow(columns, r)).join('')));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

/** A CSV download named for its content and today (India). */
export function csvResponse<R>(name: string, day: string, columns: Columns<R>, batches: AsyncGenerator<R[]>): Response {
  return new Response(csvStream(columns, batches), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="agent-desk-${name}-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
