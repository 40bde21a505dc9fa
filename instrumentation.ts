// Opens the database at server start, so migrations (and, in sandbox mode, the demo accounts)
// are in place before the first request, and a bad DATABASE_URL is reported at once; then starts
// the reconciler of pending transactions. A bad
// configuration stops the server first, and so does a bare `next start` (lib/config/startup.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { configOrExit, frontServerOrExit } = await import('./lib/config/startup');
  const { getDb } = await import('./lib/db/client');
  const { prepareDemoAccounts } = await import('./lib/auth/demo-seed');
  configOrExit();
  frontServerOrExit();
  await getDb();
  await prepareDemoAccounts();
  const { startReconciler } = await import('./lib/transfers/reconciler');
  startReconciler();
}
