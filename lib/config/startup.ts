import 'server-only';
import { getConfig } from './index';
import { frontServerPresent } from '@/lib/net/peer';
import { ConfigError } from './schema';

/**
 * At server start (instrumentation.ts): a bad configuration stops the process with its message.
 * Better no app than one answering 500 to every request, or one in sandbox mode on a database
 * nobody said was a sandbox's.
 */
export function configOrExit(): void {
  try {
    getConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}

/**
 * At server start, after the configuration: the app must be served through scripts/serve.ts
 * (`npm start`). Under a bare `next start` no client address can be known, so every sign-in
 * would share one per-address budget that a stranger's 30 guesses spend for everyone.
 */
export function frontServerOrExit(): void {
  if (frontServerPresent()) return;
  console.error(
    'Agent Desk must be started with `npm start` (scripts/serve.ts), not `next start`: without its front server the app cannot tell one client from another.',
  );
  process.exit(1);
}
