import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` writes migrations to drizzle/, applied at start-up by lib/db/client.ts
// on PGlite and on PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema.ts',
  out: './drizzle',
  casing: 'snake_case',
});
