import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';
import { getConfig } from '@/lib/config';

// The one server logger: JSON lines on stdout, written synchronously by the calling thread (no
// transports: their worker threads do not survive Next's bundling), so the last lines before a
// crash are not lost. Callers log objects of a known shape (ids, statuses, timings), never request
// bodies; the redaction below is the safety net for the day someone logs more than they meant to.

/** Keys whose values must never reach a log line, whatever object they sit in. */
export const SENSITIVE_KEYS = [
  'aadhar',
  'aadhaar',
  'aadhaarNumber',
  'aadhaar_number',
  'encryptedAadhaar',
  'piddata',
  'pidData',
  'PidData',
  'pid',
  'otp',
  'password',
  'newPassword',
  'temporaryPassword',
  'access_key',
  'accessKey',
  'secret_key',
  'secretKey',
  'developer_key',
  'developerKey',
  'token',
  'sessionToken',
  'session_token',
  'cookie',
  'authorization',
  'setCookie',
  'secret-key',
  'set-cookie',
] as const;

const member = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`);

/**
 * Fixed paths only (pino compiles them once; `*` matches exactly one level and a `*.x` path does
 * not match a top-level `x`, hence both forms), plus request/response headers two levels down.
 */
export const REDACT_PATHS: string[] = [
  ...SENSITIVE_KEYS.flatMap((key) => [member(key).replace(/^\./, ''), `*${member(key)}`]),
  ...['cookie', 'authorization', 'secret-key', 'developer_key'].map((h) => `req.headers${member(h)}`),
  'res.headers["set-cookie"]',
];

export const REDACTED = '[REDACTED]';

interface LogContext {
  reqId: string;
}

const context = new AsyncLocalStorage<LogContext>();

/** Everything logged while `fn` runs (Eko calls, audit failures) carries the request id. */
export function withLogContext<T>(ctx: LogContext, fn: () => T): T {
  return context.run(ctx, fn);
}

export interface Sink {
  write(line: string): unknown;
}

let sink: Sink | undefined;
let instance: Logger | undefined;

function configuredLevel(): string {
  try {
    return getConfig().logLevel;
  } catch {
    // A broken configuration is reported by whoever needs it; logging must still work.
    return 'info';
  }
}

export function logger(): Logger {
  instance ??= pino(
    {
      level: configuredLevel(),
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      mixin: () => ({ ...context.getStore() }),
    },
    // Indirect, so tests can capture the output of the one instance the app uses.
    { write: (line: string) => (sink ??= pino.destination({ dest: 1, sync: true })).write(line) },
  );
  return instance;
}

/**
 * Sends the log lines elsewhere (at `level`) until the returned function puts stdout and the old
 * level back: for a supervisor that ships logs, or a test that reads them (test/log.ts).
 */
export function redirectLogs(to: Sink, level: string): () => void {
  const log = logger();
  const previous = { sink, level: log.level };
  sink = to;
  log.level = level;
  return () => {
    sink = previous.sink;
    log.level = previous.level;
  };
}
