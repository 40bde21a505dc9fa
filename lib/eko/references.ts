import { randomBytes } from 'node:crypto';

// What the app writes down of an Eko call before and after it: the reference it sends, and Eko's
// words made safe to keep and show. Services may use these without calling Eko (lib/transfers
// writes the client_ref_id into its row first).

/** Unique, at most 20 characters (docs/eko-api.md §6). */
export function newClientRefId(): string {
  return `AD${Date.now().toString(36).toUpperCase()}${randomBytes(8).toString('hex').toUpperCase()}`.slice(0, 20);
}

/**
 * Eko's own words reach the agent and are kept on money rows (field messages, failure reasons,
 * the admin's CSV); never let them carry an identifier back: any run of six or more digits (an
 * Aadhaar, an account number of any length, an OTP echoed back, a mobile), spaces or dashes
 * between them or not, is masked, and the length is bounded.
 */
export function scrubUpstreamText(text: string): string {
  return text.replace(/\d(?:[\s-]?\d){5,}/g, '[number hidden]').slice(0, 200);
}
