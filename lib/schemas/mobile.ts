// The mobile-number rules without zod, for pages that need them before any form is used (the
// sender desk reads ?mobile= from the URL while zod is still loading). mobileSchema (common.ts)
// is built on the same pattern.

/** What Eko accepts as an Indian mobile: 10 digits, starting 6–9. */
export const MOBILE_PATTERN = /^[6-9]\d{9}$/;

/** The mobile in `raw` as mobileSchema would parse it (trimmed), or null. */
export function parseMobile(raw: string): string | null {
  const trimmed = raw.trim();
  return MOBILE_PATTERN.test(trimmed) ? trimmed : null;
}

/** Accept what agents paste (+91, spaces, dashes, a leading 0) and keep the 10 digits. */
export function normaliseMobileInput(raw: string): string {
  let digits = raw.replace(/\D/g, '');
  if (digits.length === 12 && digits.startsWith('91')) digits = digits.slice(2);
  else if (digits.length === 11 && digits.startsWith('0')) digits = digits.slice(1);
  return digits.slice(0, 10);
}

/** What parsePastedMobile strips between digits. */
const PASTE_SEPARATOR = '[\\s\\-\\(\\)]*';

/**
 * parsePastedMobile as an HTML `pattern` (anchored by the browser, compiled with the `v` flag):
 * the sender search's browser-side check until its code has loaded. It accepts exactly what the
 * paste parser accepts ("+91 90000 00001", "090000 00001", "90000-00001") and refuses anything
 * else, 12-digit Aadhaar numbers among them, so a search submitted before hydration (a plain GET
 * form) never puts one into a URL.
 */
export const PASTED_MOBILE_PATTERN = `${PASTE_SEPARATOR}(?:\\+${PASTE_SEPARATOR}9${PASTE_SEPARATOR}1${PASTE_SEPARATOR})?(?:0${PASTE_SEPARATOR})?[6-9](?:${PASTE_SEPARATOR}\\d){9}${PASTE_SEPARATOR}`;

/**
 * The mobile in a pasted form (+91, spaces, dashes, a leading 0), or null. Unlike the typing
 * clean-up above it never cuts digits off: a number with one digit too many is not a mobile.
 * The sender desk reads ?mobile= with it, which a search submitted before the page's code
 * arrived (a plain GET form) fills with whatever the agent pasted.
 */
export function parsePastedMobile(raw: string): string | null {
  let digits = raw.replace(/[\s\-()]/g, '').replace(/^\+91/, '');
  if (digits.length === 11 && digits.startsWith('0')) digits = digits.slice(1);
  return parseMobile(digits);
}
