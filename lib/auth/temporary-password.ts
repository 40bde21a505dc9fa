// A password someone else chose for the user (an admin's reset, an admin's first password, a
// generated one) is temporary: it works for a day, and only to choose the user's own (ASVS V2.3.1).
export const TEMPORARY_PASSWORD_HOURS = 24;
export const temporaryUntil = (now = Date.now()) => new Date(now + TEMPORARY_PASSWORD_HOURS * 3600 * 1000);
