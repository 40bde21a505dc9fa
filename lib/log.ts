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

const SAFE_CODE = /^[A-Za-z0-9_]{1,32}$/;

/** An error's class: its own name, else its constructor's (DrizzleQueryError leaves name "Error"). */
function classOf(err: object): string {
  const own = (err as { name?: unknown }).name;
  const ctor = (Object.getPrototypeOf(err) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  const name = typeof own === 'string' && own !== 'Error' && /^[A-Z]/.test(own) ? own : typeof ctor === 'string' && ctor.length > 2 ? ctor : own;
  return (typeof name === 'string' ? name : 'Error').replace(/[^\w.]/g, '').slice(0, 60) || 'Error';
}

/**
 * What an error is, safe to log: its class and code, then its causes' (drizzle wraps the
 * driver's error, whose code says what happened: `DrizzleQueryError <- DatabaseError 57P01`,
 * `Error ECONNREFUSED`). Never a message or a stack: they may quote the input (an Aadhaar, PID
 * data, an OTP) or a connection string.
 */
export function errorKind(err: unknown): string {
  const links: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = err;
  while (links.length < 4 && !seen.has(current)) {
    seen.add(current);
    if (!current || typeof current !== 'object') {
      links.push(current === undefined || current === null ? String(current) : typeof current);
      break;
    }
    const code = (current as { code?: unknown }).code;
    links.push(typeof code === 'string' && SAFE_CODE.test(code) ? `${classOf(current)} ${code}` : classOf(current));
    const errors = (current as { errors?: unknown }).errors;
    current = (current as { cause?: unknown }).cause ?? (Array.isArray(errors) ? errors[0] : undefined);
    if (current === undefined) break;
  }
  return links.join(' <- ');
}
