// Opens the database at server start, so migrations (and, in sandbox mode, the demo accounts)
// are in place before the first request, and a bad DATABASE_URL is reported at once. A bad
// configuration stops the server here: better no app than one answering 500 to every request
// (or one in sandbox mode on a database nobody said was a sandbox's).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getConfig } = await import('./lib/config');
  try {
    getConfig();
  } catch (err) {
    // By name: the bundler may give this file its own copy of the class.
    if ((err as Error)?.name !== 'ConfigError') throw err;
    console.error((err as Error).message);
    process.exit(1);
  }
  const { getDb } = await import('./lib/db/client');
  await getDb();
}
