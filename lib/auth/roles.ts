// The roles, declared once: the database enum (lib/db/schema.ts), sessions and pages use these.
export const ROLES = ['agent', 'admin'] as const;
export type Role = (typeof ROLES)[number];
