import 'server-only';
import { onForget } from '@/lib/process-state';
import { type AppConfig, parseConfig } from './schema';

let cached: AppConfig | undefined;

/** The one place the app reads process.env. Parsed lazily so `next build` never needs runtime secrets. */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}

onForget('config', () => {
  cached = undefined;
});
