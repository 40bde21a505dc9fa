import 'server-only';
import { getConfig } from './index';
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
