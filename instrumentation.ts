// Opens the database at server start, so migrations (and, in sandbox mode, the demo accounts)
// are in place before the first request, and a bad DATABASE_URL is reported at once.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getConfig } = await import('./lib/config');
  const { getDb } = await import('./lib/db/client');
  getConfig();
  await getDb();
}
