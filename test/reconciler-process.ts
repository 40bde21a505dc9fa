// A reconciler in a process of its own, for the two-instance test (test/two-instances.test.ts):
// the very rounds each app instance runs on its timer (lib/transfers/reconciler.ts), started on a
// signal so that several processes lease from the same due rows at the same moment.
//
//   tsx --conditions=react-server test/reconciler-process.ts    (with the app's environment)
//
// Prints "ready" once its database connection is open, waits for a line on stdin, then runs
// small rounds until one finds nothing due, and prints {"checked": n}: the rows it inquired about.
import { closeDb, getDb } from '@/lib/db/client';
import { reconcileRound } from '@/lib/transfers/reconciler';

/** Small rounds: the racing processes take turns at the rows instead of one leasing them all at once. */
const ROUND_ROWS = 2;

async function main() {
  await getDb();
  console.log('ready');
  let signalled = false;
  // Stdin closed without the signal: the test gave up, and there is nothing to race for.
  process.stdin.once('end', () => signalled || process.exit(2));
  await new Promise((resolve) => process.stdin.once('data', resolve));
  signalled = true;
  let checked = 0;
  for (let n = await reconcileRound(ROUND_ROWS); n > 0; n = await reconcileRound(ROUND_ROWS)) checked += n;
  console.log(JSON.stringify({ checked }));
  await closeDb();
  process.exit(0);
}

main().catch((err: Error) => {
  console.error(`[reconciler-process] ${err.name}: ${err.message}`);
  process.exit(1);
});
