import 'server-only';
import { type AppConfig, parseConfig } from './schema';

let cached: AppConfig | undefined;

/** The one place the app reads process.env. Parsed lazily so `next build` never needs runtime secrets. */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}

/** For tests that start servers on ephemeral ports after the module loaded. */
export function resetConfigForTests(): void {
  cached = undefined;
}
