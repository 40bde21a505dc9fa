// Pure configuration schema: no `server-only` marker so that scripts/start.ts can validate the
// environment before it launches anything. Only lib/config/index.ts (server-only) exposes values
// to the app; nothing under components/ may import this file.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { z } from 'zod';

/** Published Eko UAT dummy credentials (docs/eko-api.md §2); the Eko sandbox accepts exactly these. */
export const SANDBOX_CREDENTIALS = {
  developerKey: 'becbbce45f79c6f5109f848acd540567',
  accessKey: 'd2fe1d99-6298-4af2-8cc5-d97dcf46df30',
  initiatorId: '9962981729',
  userCode: '20810200',
} as const;

export const SANDBOX_EKO_PORT = 4100;

/** The Eko sandbox's AePS Aadhaar key (sandbox/eko/aadhaar-key.ts holds its private half). */
export const SANDBOX_AADHAAR_PUBLIC_KEY =
  'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDpp9qlDUvpBKvTQBQ7R88R7UIamzYX6v7Fyd7JCa6xYni34ENwymJnE0ldLnvAmzSVca9uVSY1of5F8nBSepcHLjTlVhZwPNDXmQhbsm4uYOpr95VcanXzMNkwsJbIceoV9EmIi4nuzOJww1ngCtDzYcqfAsN+CG5su2RpX5aHLwIDAQAB';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const noSurroundingSpace = (name: string) => z.string().refine((v) => v === v.trim(), `${name} has leading or trailing whitespace (Eko rejects it with 403)`);

/**
 * The Aadhaar transport key: RSA 2048–4096 bits. Below 2048 the sealed plaintext (digits, purpose,
 * mobile, nonce: up to 190 bytes, lib/aadhaar/seal.ts) does not fit in RSA-OAEP-256, and the
 * sealed-value schema (lib/schemas/ekyc.ts) takes ciphertexts of up to 4096 bits.
 */
const rsaPrivateKeyDer = z.string().refine((v) => {
  try {
    const key = createPrivateKey({ key: Buffer.from(v, 'base64'), format: 'der', type: 'pkcs8' });
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    return key.asymmetricKeyType === 'rsa' && bits >= 2048 && bits <= 4096;
  } catch {
    return false;
  }
}, 'must be a base64 DER PKCS#8 RSA private key of 2048 to 4096 bits');

/** Eko's AePS key: base64 DER SubjectPublicKeyInfo, RSA 1024-bit, e = 65537 (docs/eko-api.md §10). */
const ekoAadhaarKey = z.string().refine((v) => {
  try {
    const key = createPublicKey({ key: Buffer.from(v.replace(/\s/g, ''), 'base64'), format: 'der', type: 'spki' });
    const details = key.asymmetricKeyDetails;
    return key.asymmetricKeyType === 'rsa' && details?.modulusLength === 1024 && details.publicExponent === 65537n;
  } catch {
    return false;
  }
}, "must be Eko's RSA public key: base64 DER SubjectPublicKeyInfo, 1024-bit, e = 65537");

const envSchema = z.object({
  // Plain Aadhaar (DMT), PID and signed keys travel in these requests: https, except to loopback.
  EKO_BASE_URL: optional(
    z.url({ protocol: /^https?$/ }).refine((v) => {
      const { protocol, hostname } = new URL(v);
      return protocol === 'https:' || hostname === 'localhost' || hostname === '[::1]' || /^127\./.test(hostname);
    }, 'must use https (http is allowed only to a loopback test server)'),
  ),
  EKO_DEVELOPER_KEY: optional(noSurroundingSpace('EKO_DEVELOPER_KEY').min(8)),
  EKO_ACCESS_KEY: optional(noSurroundingSpace('EKO_ACCESS_KEY').min(8)),
  EKO_INITIATOR_ID: optional(z.string().regex(/^\d{10}$/, 'must be the 10-digit registered mobile number')),
  EKO_AADHAAR_PUBLIC_KEY: optional(ekoAadhaarKey),
  /** Below the browser's own 45 s, so the agent always gets the server's clearer answer. */
  EKO_TIMEOUT_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1000).max(40_000).default(15_000)),
  /**
   * Endpoint rows (lib/eko/endpoints.ts) that also send the legacy fields older Eko pages list
   * (docs/eko-api.md §13.1 "field conflict"), comma-separated: addRecipient, initiateTransfer.
   */
  EKO_LEGACY_FIELDS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(
        /^(addRecipient|initiateTransfer)(,(addRecipient|initiateTransfer))*$/,
        'must list endpoint rows among addRecipient, initiateTransfer, comma-separated',
      )
      .optional(),
  ),
  /** The refund call's service_code (docs/eko-api.md §13.3: that DMT-Fino wants one is unconfirmed). */
  EKO_REFUND_SERVICE_CODE: optional(z.string().regex(/^\d{1,4}$/, "must be Eko's numeric service code")),
  /** The fee estimate shown before the agent confirms (Eko's pricing: 1%, at least ₹10). */
  TRANSFER_FEE_PERCENT: z.preprocess(blankToUndefined, z.coerce.number().min(0).max(10).default(1)),
  TRANSFER_FEE_MINIMUM_RUPEES: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(1000).default(10)),
  /** AePS cash withdrawal: whole rupees from MIN to MAX in multiples of STEP (Eko: "multiples of 50 or 100"; unconfirmed). */
  AEPS_WITHDRAWAL_MIN_RUPEES: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(100)),
  AEPS_WITHDRAWAL_MAX_RUPEES: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(10_000)),
  AEPS_WITHDRAWAL_STEP_RUPEES: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(50)),
  /** The estimate is rounded up to the paisa (exact, like Eko's fee) or to the rupee (no coins at the counter). */
  TRANSFER_FEE_ROUNDING: z.preprocess(blankToUndefined, z.enum(['paisa', 'rupee']).default('paisa')),
  /** Where the embedded Eko sandbox listens in sandbox mode. */
  EKO_SANDBOX_URL: optional(z.url({ protocol: /^https?$/ })),
  DATABASE_URL: optional(z.url({ protocol: /^postgres(ql)?$/ })),
  SESSION_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
  AADHAAR_TRANSPORT_KEY: optional(rsaPrivateKeyDer),
  /** The transport key before the current one: still decrypts seals by kid, never handed out. */
  AADHAAR_TRANSPORT_KEY_PREVIOUS: optional(rsaPrivateKeyDer),
  /** Embedded database and generated secrets; "memory" keeps everything in memory (tests). */
  DATA_DIR: z.preprocess(blankToUndefined, z.string().min(1).default('.data')),
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(65_535).default(3000)),
  /**
   * Where rate-limit counters live: the database (default; shared by every instance on one
   * DATABASE_URL), this process's memory (one instance only), or Redis (several instances).
   */
  RATE_LIMIT_STORE: z.preprocess(blankToUndefined, z.enum(['database', 'memory', 'redis']).default('database')),
  // z.url's own message never quotes the value, so a password in the URL stays out of logs.
  REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })),
  /**
   * How many reverse proxies stand between the browser and the app, each appending to
   * X-Forwarded-For (and setting X-Forwarded-Host/-Proto). 0 (the default): the app is reached
   * directly and trusts no forwarded header, since a client writes whatever it likes into them.
   */
  TRUST_PROXY_HOPS: optional(z.coerce.number().int().min(0).max(10)),
  /** The older switch: `true` means one proxy (TRUST_PROXY_HOPS=1). TRUST_PROXY_HOPS wins when both are set. */
  TRUST_PROXY: z.preprocess(blankToUndefined, z.enum(['true', 'false', '1', '0']).default('false')),
  /** The least severe log level written to stdout; tests run "silent" unless they capture. */
  LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(LOG_LEVELS).default('info')),
  /**
   * How often each instance looks for pending transactions due for an inquiry (lib/transfers/
   * reconciler.ts); 0 switches the reconciler off in this instance (another one must run it).
   */
  RECONCILER_INTERVAL_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(3600).default(10)),
  /** Says that sandbox mode on a shared PostgreSQL (DATABASE_URL) is intended: tests, benchmarks. */
  SANDBOX: z.preprocess(blankToUndefined, z.enum(['1', 'true', '0', 'false']).default('0')),
});

export interface EkoConfig {
  baseUrl: string;
  developerKey: string;
  accessKey: string;
  initiatorId: string;
  timeoutMs: number;
  /** Endpoint rows that send their legacy fields too (EKO_LEGACY_FIELDS); none by default. */
  legacyFields?: readonly string[];
  /** The refund call's service_code, if Eko wants one. */
  refundServiceCode?: string;
}

/** The fee estimate's rule: percent of the amount, at least a minimum, rounded up to a rupee. */
export interface FeeRuleConfig {
  percent: number;
  minimumPaise: number;
  rounding: 'up_to_paisa' | 'up_to_rupee';
}

export interface AppConfig {
  /** True when EKO_BASE_URL is unset: the Eko stand-in answers and no real money moves. */
  sandboxMode: boolean;
  eko: EkoConfig;
  transferFee: FeeRuleConfig;
  /** The AePS withdrawal amount rule (lib/aeps/amount.ts). */
  aepsWithdrawal: { minRupees: number; maxRupees: number; stepRupees: number };
  /** Seconds between the reconciler's rounds; 0 = not in this instance. */
  reconcilerIntervalSeconds: number;
  /** Where PGlite and generated secrets live, or 'memory'. */
  dataDir: string;
  databaseUrl?: string;
  sessionSecret?: string;
  aadhaarTransportKey?: string;
  /** Accepted for decryption only, so a key rotation does not break flows in progress. */
  aadhaarTransportKeyPrevious?: string;
  /** Eko's AePS Aadhaar key; always set in sandbox mode, required outside it. */
  ekoAadhaarPublicKey?: string;
  port: number;
  rateLimit: { store: RateLimitStore; redisUrl?: string };
  /**
   * Trusted reverse proxies in front of the app (TRUST_PROXY_HOPS): the client address is the
   * X-Forwarded-For entry this many hops from the socket, and X-Forwarded-Host/-Proto are read
   * only when it is above 0 (lib/net/client-address.ts, lib/api/origin.ts).
   */
  proxyHops: number;
  logLevel: LogLevel;
}

export type RateLimitStore = 'database' | 'memory' | 'redis';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    // Name the variable, never echo its value: it may be a secret.
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const sandboxMode = e.EKO_BASE_URL === undefined;

  if (!sandboxMode) {
    const missing = (['EKO_DEVELOPER_KEY', 'EKO_ACCESS_KEY', 'EKO_INITIATOR_ID', 'EKO_AADHAAR_PUBLIC_KEY'] as const).filter((name) => e[name] === undefined);
    if (missing.length > 0) {
      throw new ConfigError(missing.map((name) => `${name}: required when EKO_BASE_URL is set`));
    }
  }

  if (e.AADHAAR_TRANSPORT_KEY_PREVIOUS !== undefined && e.AADHAAR_TRANSPORT_KEY_PREVIOUS === e.AADHAAR_TRANSPORT_KEY) {
    throw new ConfigError(['AADHAAR_TRANSPORT_KEY_PREVIOUS: is the same key as AADHAAR_TRANSPORT_KEY (set it to the key being replaced)']);
  }
  // Sandbox mode creates the published demo accounts (admin 9999900001 / admin-demo-1, shown on
  // the login page) and disables nothing else: on the embedded database that is a training copy,
  // but on a PostgreSQL named by DATABASE_URL it may well be the production database, reached by
  // forgetting EKO_BASE_URL in one instance's environment. A published admin password there would
  // be a full compromise (ASVS V2.3 / V14.1: no default accounts in production, fail closed on
  // misconfiguration), so that combination needs SANDBOX=1 to say it is meant.
  const sandboxIntended = e.SANDBOX === '1' || e.SANDBOX === 'true';
  if (sandboxMode && e.DATABASE_URL !== undefined && !sandboxIntended) {
    throw new ConfigError([
      'DATABASE_URL is set but EKO_BASE_URL is not: that is sandbox mode, which creates the published demo accounts ' +
        '(admin 9999900001 / admin-demo-1) in that PostgreSQL database. Set EKO_BASE_URL and its credentials to use Eko, ' +
        'unset DATABASE_URL to use the embedded database, or set SANDBOX=1 if a sandbox on this PostgreSQL is intended (tests, benchmarks).',
    ]);
  }
  // And SANDBOX=1 must never live in a production environment: should EKO_BASE_URL go missing
  // from it one day, it would wave the sandbox through on that database.
  if (!sandboxMode && sandboxIntended) {
    throw new ConfigError(['SANDBOX: set to 1 but EKO_BASE_URL is set too; SANDBOX=1 is only for sandbox mode (EKO_BASE_URL unset), remove one of them']);
  }

  if (e.AEPS_WITHDRAWAL_MIN_RUPEES > e.AEPS_WITHDRAWAL_MAX_RUPEES || e.AEPS_WITHDRAWAL_MIN_RUPEES % e.AEPS_WITHDRAWAL_STEP_RUPEES !== 0) {
    throw new ConfigError(['AEPS_WITHDRAWAL_MIN_RUPEES: must be at most AEPS_WITHDRAWAL_MAX_RUPEES and a multiple of AEPS_WITHDRAWAL_STEP_RUPEES']);
  }

  if (e.RATE_LIMIT_STORE === 'redis' && e.REDIS_URL === undefined) {
    throw new ConfigError(['REDIS_URL: required when RATE_LIMIT_STORE is redis']);
  }

  return {
    sandboxMode,
    eko: {
      baseUrl: (e.EKO_BASE_URL ?? e.EKO_SANDBOX_URL ?? `http://127.0.0.1:${SANDBOX_EKO_PORT}/ekoapi/v3`).replace(/\/+$/, ''),
      developerKey: e.EKO_DEVELOPER_KEY ?? SANDBOX_CREDENTIALS.developerKey,
      accessKey: e.EKO_ACCESS_KEY ?? SANDBOX_CREDENTIALS.accessKey,
      initiatorId: e.EKO_INITIATOR_ID ?? SANDBOX_CREDENTIALS.initiatorId,
      timeoutMs: e.EKO_TIMEOUT_MS,
      legacyFields: e.EKO_LEGACY_FIELDS ? e.EKO_LEGACY_FIELDS.split(',') : [],
      refundServiceCode: e.EKO_REFUND_SERVICE_CODE,
    },
    transferFee: {
      percent: e.TRANSFER_FEE_PERCENT,
      minimumPaise: e.TRANSFER_FEE_MINIMUM_RUPEES * 100,
      rounding: e.TRANSFER_FEE_ROUNDING === 'rupee' ? 'up_to_rupee' : 'up_to_paisa',
    },
    reconcilerIntervalSeconds: e.RECONCILER_INTERVAL_SECONDS,
    aepsWithdrawal: { minRupees: e.AEPS_WITHDRAWAL_MIN_RUPEES, maxRupees: e.AEPS_WITHDRAWAL_MAX_RUPEES, stepRupees: e.AEPS_WITHDRAWAL_STEP_RUPEES },
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    sessionSecret: e.SESSION_SECRET,
    aadhaarTransportKey: e.AADHAAR_TRANSPORT_KEY,
    aadhaarTransportKeyPrevious: e.AADHAAR_TRANSPORT_KEY_PREVIOUS,
    ekoAadhaarPublicKey: e.EKO_AADHAAR_PUBLIC_KEY ?? (sandboxMode ? SANDBOX_AADHAAR_PUBLIC_KEY : undefined),
    port: e.PORT,
    rateLimit: { store: e.RATE_LIMIT_STORE, redisUrl: e.REDIS_URL },
    proxyHops: e.TRUST_PROXY_HOPS ?? (e.TRUST_PROXY === 'true' || e.TRUST_PROXY === '1' ? 1 : 0),
    logLevel: e.LOG_LEVEL,
  };
}
