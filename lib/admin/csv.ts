import 'server-only';
import type { ActivityRow } from '@/lib/db/queries/activity';

const COLUMNS: [string, (r: ActivityRow) => unknown][] = [
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

/** RFC 4180 quoting, and a leading quote on =,+,-,@ so spreadsheets never run a cell as a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvHeader = () => `${COLUMNS.map(([name]) => name).join(',')}\r\n`;
export const csvRow = (r: ActivityRow) => `${COLUMNS.map(([, get]) => csvCell(get(r))).join(',')}\r\n`;

export function csvStream(batches: AsyncGenerator<ActivityRow[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(csvHeader()));
    },
    async pull(controller) {
      const { done, value } = await batches.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value.map(csvRow).join('')));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
