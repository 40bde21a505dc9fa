import { redirectLogs } from '@/lib/log';

/** Collects the app's raw log output (at `level`) until `stop()` restores stdout and the old level. */
export function captureLogs(level = 'info'): { text: () => string; lines: () => Record<string, unknown>[]; stop: () => void } {
  const chunks: string[] = [];
  const stop = redirectLogs({ write: (line) => chunks.push(line) }, level);
  return {
    text: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    stop,
  };
}
