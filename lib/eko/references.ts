import { randomBytes } from 'node:crypto';

// What the app writes down of an Eko call before and after it: the reference it sends, and Eko's
// words made safe to keep and show. Services may use these without calling Eko (lib/transfers
// writes the client_ref_id into its row first).

/** Unique, at most 20 characters (docs/eko-api.md §6). */
export function newClientRefId(): string {
  return `AD${Date.now().toString(36).toUpperCase()}${randomBytes(8).toString('hex').toUpperCase()}`.slice(0, 20);
}

/**
 * Eko's own words reach the agent (field messages, failure reasons); never let them carry an
 * identifier back: long digit runs (an Aadhaar, say) are masked and the length is bounded.
 */
export function scrubUpstreamText(text: string): string {
  return text.replace(/\d[\d\s-]{10,}\d/g, '[number hidden]').slice(0, 200);
}
