import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as NextServer from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sealForTests } from '@/test/seal';

import { API_ERRORS } from '@/lib/api/errors';
import { hashPassword } from '@/lib/auth/password';
import { getDb } from '@/lib/db/client';
import { createUser } from '@/lib/db/queries/users';
import { cookieFor, useTestDatabase } from '@/test/db';
import { EKYC_WADH } from '@/lib/rd/pid-options';
import { SENDER_FIXTURES } from '@/sandbox/eko/fixtures';
import { useEkoSandbox } from '@/sandbox/eko/test-helpers';
import { syntheticPidData } from '@/sandbox/rd/pid';
import { forget } from '@/lib/process-state';

// Fuzzing every route handler under app/api in-process: for each exported method, FUZZ_CASES
// (default 1,000) generated inputs, sent with the right role so they reach parsing. Almost all
// carry at least one defect that must be refused (wrong/missing content type, broken JSON or
// UTF-8, oversize, non-object, wrong type, missing field, bad path or query parameter); a few
// are only noisy (extra and __proto__ keys, odd strings) and may succeed against the sandbox.
// Never a 5xx, every error in the one shape with a code from the table, no prototype pollution.
// Deterministic: FUZZ_SEED reproduces a run (the seed and the failing case are printed).

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_2026) >>> 0;
const CASES = Number(process.env.FUZZ_CASES ?? 1000);
const ORIGIN = 'http://localhost';
const API_DIR = fileURLToPath(new URL('.', import.meta.url));
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

// connection() only tells Next not to prerender /api/health (and /ready) and needs Next's request scope, which
// in-process calls do not have; everything else in next/server stays real.
vi.mock('next/server', async (original) => ({ ...(await original<typeof NextServer>()), connection: async () => undefined }));

// ---------------------------------------------------------------- deterministic randomness

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32 */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

function seedFor(name: string): number {
  let h = SEED ^ 0x811c9dc5;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

// ---------------------------------------------------------------- junk

const ODD_CHARS = [
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u200b',
  '\u202e',
  '\ud800',
  '\udfff',
  '\ufeff',
  '\uffff',
  '€',
  'अ',
  '٣',
  '९',
  '🙂',
  '\\',
  '"',
  "'",
  '<',
  '>',
  '&',
  '%',
  '\n',
  '\r',
  '\t',
  ' ',
  '0',
  '9',
  '-',
  '.',
  'e',
  'x',
  'Z',
];
const NANISH = ['NaN', 'Infinity', '-Infinity', '-0', '0x1F', '1e999', '9'.repeat(400), 'null', 'undefined', 'true', '[]', '{}', '0', '-1', '1.5', '١٢٣'];
const HOSTILE = [
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '${7*7}{{7*7}}',
  '../../etc/passwd',
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
  '<PidData><Resp errCode="0"/></PidData>',
  '%00%E0%A4%zz',
  'Robert"); DROP TABLE users;--',
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

function junkString(rng: Rng): string {
  switch (rng.int(5)) {
    case 0:
      return rng.pick(NANISH);
    case 1:
      return rng.pick(HOSTILE);
    case 2:
      return rng.pick(['x', 'é', '\u0000', '9', ' ']).repeat(1 + rng.int(3000));
    default:
      return Array.from({ length: rng.int(40) }, () => rng.pick(ODD_CHARS)).join('');
  }
}

function pollutingObject(rng: Rng): Record<string, unknown> {
  // A null-prototype object takes "__proto__" as an own key, so JSON.stringify writes it out.
  const o = Object.create(null) as Record<string, unknown>;
  o[rng.pick(PROTO_KEYS)] = rng.pick([{ polluted: true }, { prototype: { polluted: true } }, 'polluted', [1, 2]]);
  return o;
}

function junkValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(depth > 2 ? 4 : 7)) {
    case 0:
      return junkString(rng);
    case 1:
      return rng.pick([0, -0, 1.5, -1, 1e308, -1e308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER * 10, 5e-324, 9000000001]);
    case 2:
      return rng.pick([true, false, null]);
    case 3:
      return pollutingObject(rng);
    case 4:
      return Array.from({ length: rng.int(5) }, () => junkValue(rng, depth + 1));
    case 5:
      return Object.fromEntries(Array.from({ length: rng.int(5) }, () => [junkString(rng).slice(0, 30), junkValue(rng, depth + 1)]));
    default: {
      let v: unknown = junkString(rng).slice(0, 10);
      for (let i = 0, n = 1 + rng.int(500); i < n; i++) v = rng.chance(0.5) ? [v] : { a: v };
      return v;
    }
  }
}

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** A junk value whose JSON type differs from `like`'s, so a schema field is certainly refused. */
function wrongTypeFor(rng: Rng, like: unknown): unknown {
  for (;;) {
    const v = junkValue(rng);
    if (typeOf(v) !== typeOf(like) && v !== undefined) return v;
  }
}

// ---------------------------------------------------------------- inputs per route

type Access = 'agent' | 'admin' | 'public';
type QueryKind = 'activity' | 'agents' | 'transfers' | 'adminTransactions' | 'pending' | 'summary';
type Json = Record<string, unknown>;

interface BodySpec {
  sample: () => Json;
  /** Dotted paths the schema requires. */
  required: string[];
  maxBytes: number;
}

interface MethodSpec {
  access: Access;
  params?: 'mobile' | 'id' | 'ifsc' | 'path';
  query?: QueryKind;
  body?: BodySpec;
  /** Share of cases with no planted defect (noise only); small where success costs a scrypt hash. */
  noiseOnlyShare?: number;
}

const DEFAULT_MAX = 16 * 1024;
const PID_MAX = 64 * 1024;
const LATLONG = '28.613900,77.209000';
// Seals are made for the fuzz agent of each test (beforeEach): one per purpose; the sender's is
// for 9000000002, so the other sender mobiles the params draw get the seal's own refusal.
const fixtures = { sealed: { sender: '', aepsEkyc: '', aepsDaily: '', customer: '' }, pid: '' };

/** A customer's AePS transaction: the seal is for the customer's mobile 9876512345. */
const aepsCustomer = () => ({ customerMobile: '9876512345', aadhaar: fixtures.sealed.customer, latlong: LATLONG, bankCode: 'SBIN', piddata: fixtures.pid });
const aepsIdentity = (purpose: 'aepsEkyc' | 'aepsDaily' = 'aepsEkyc') => ({ aadhaar: fixtures.sealed[purpose], latlong: LATLONG });
const enrolment = () => ({
  name: 'Sita Ram',
  dob: '1990-05-17',
  address: { line: '12 Gandhi Road', area: 'Shivaji Nagar', city: 'Pune', district: 'Pune', state: 'Maharashtra', pincode: '411005' },
});

/** Every route file and method under app/api; a new one without an entry fails the suite. */
const SPECS: Record<string, Partial<Record<(typeof METHODS)[number], MethodSpec>>> = {
  '[...path]/route.ts': Object.fromEntries((['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).map((m) => [m, { access: 'public', params: 'path' }])),
  'admin/activity/export/route.ts': { GET: { access: 'admin', query: 'activity' } },
  'admin/activity/route.ts': { GET: { access: 'admin', query: 'activity', noiseOnlyShare: 0.2 } },
  'admin/lockouts/route.ts': { GET: { access: 'admin' } },
  'admin/transactions/[id]/close/route.ts': {
    POST: {
      access: 'admin',
      params: 'id',
      body: { sample: () => ({ reason: 'Eko support: no such transaction' }), required: ['reason'], maxBytes: DEFAULT_MAX },
    },
  },
  'admin/lockouts/lift/route.ts': {
    POST: { access: 'admin', body: { sample: () => ({ key: 'loginUnknownDevices:9876500001' }), required: ['key'], maxBytes: DEFAULT_MAX } },
  },
  'admin/agents/[id]/password/route.ts': { POST: { access: 'admin', params: 'id', noiseOnlyShare: 0.003 } },
  'admin/agents/[id]/route.ts': {
    PATCH: { access: 'admin', params: 'id', body: { sample: () => ({ active: false }), required: ['active'], maxBytes: DEFAULT_MAX } },
  },
  'admin/agents/[id]/shop/route.ts': {
    PUT: {
      access: 'admin',
      params: 'id',
      noiseOnlyShare: 0.2,
      body: {
        sample: () => ({ shopName: 'Kavita Seva Kendra', shopAddress: 'Shop 4, Main Bazaar' }),
        required: ['shopName', 'shopAddress'],
        maxBytes: DEFAULT_MAX,
      },
    },
  },
  'admin/agents/route.ts': {
    GET: { access: 'admin', query: 'agents', noiseOnlyShare: 0.2 },
    POST: {
      access: 'admin',
      noiseOnlyShare: 0.005,
      body: {
        sample: () => ({ name: 'Ravi Kumar', mobile: '9876500001', ekoUserCode: '20810201', password: 'temporary-pass-1' }),
        required: ['name', 'mobile', 'ekoUserCode', 'password'],
        maxBytes: DEFAULT_MAX,
      },
    },
  },
  'aeps/daily-auth/route.ts': {
    POST: {
      access: 'agent',
      body: {
        sample: () => ({ ...aepsIdentity('aepsDaily'), piddata: fixtures.pid, bankCode: 'SBIN' }),
        required: ['aadhaar', 'latlong', 'piddata', 'bankCode'],
        maxBytes: PID_MAX,
      },
    },
  },
  'aeps/ekyc/biometric/route.ts': {
    POST: {
      access: 'agent',
      body: {
        sample: () => ({ ...aepsIdentity(), piddata: fixtures.pid, bankCode: 'SBIN', otpRefId: 'OTPREF1', referenceTid: 'TID1' }),
        required: ['aadhaar', 'latlong', 'piddata', 'bankCode', 'otpRefId', 'referenceTid'],
        maxBytes: PID_MAX,
      },
    },
  },
  'aeps/ekyc/otp/route.ts': { POST: { access: 'agent', body: { sample: () => aepsIdentity(), required: ['aadhaar', 'latlong'], maxBytes: DEFAULT_MAX } } },
  'aeps/ekyc/otp/verify/route.ts': {
    POST: {
      access: 'agent',
      body: {
        sample: () => ({ ...aepsIdentity(), otp: '123456', otpRefId: 'OTPREF1', referenceTid: 'TID1' }),
        required: ['aadhaar', 'latlong', 'otp', 'otpRefId', 'referenceTid'],
        maxBytes: DEFAULT_MAX,
      },
    },
  },
  'aeps/status/route.ts': { GET: { access: 'agent' } },
  'aeps/transactions/withdrawal/route.ts': {
    POST: {
      access: 'agent',
      body: {
        sample: () => ({ ...aepsCustomer(), amount: 500 }),
        required: ['customerMobile', 'aadhaar', 'latlong', 'bankCode', 'piddata', 'amount'],
        maxBytes: PID_MAX,
      },
    },
  },
  'aeps/transactions/balance/route.ts': {
    POST: { access: 'agent', body: { sample: aepsCustomer, required: ['customerMobile', 'aadhaar', 'latlong', 'bankCode', 'piddata'], maxBytes: PID_MAX } },
  },
  'aeps/transactions/statement/route.ts': {
    POST: { access: 'agent', body: { sample: aepsCustomer, required: ['customerMobile', 'aadhaar', 'latlong', 'bankCode', 'piddata'], maxBytes: PID_MAX } },
  },
  'auth/login/route.ts': {
    POST: {
      access: 'public',
      body: { sample: () => ({ mobile: '9876500002', password: 'not-the-password' }), required: ['mobile', 'password'], maxBytes: DEFAULT_MAX },
    },
  },
  'auth/logout/route.ts': { POST: { access: 'public' } },
  // Any signed-in user; a success costs two scrypt hashes, so few cases carry no defect.
  'auth/password/route.ts': {
    POST: {
      access: 'agent',
      noiseOnlyShare: 0.005,
      body: {
        sample: () => ({ currentPassword: 'fuzz-password-1', newPassword: 'a fuzzed new passphrase' }),
        required: ['currentPassword', 'newPassword'],
        maxBytes: DEFAULT_MAX,
      },
    },
  },
  'health/route.ts': { GET: { access: 'public' } },
  'health/ready/route.ts': { GET: { access: 'public' } },
  'keys/aadhaar-transport/route.ts': { GET: { access: 'agent' } },
  'senders/[mobile]/ekyc/otp/route.ts': {
    POST: {
      access: 'agent',
      params: 'mobile',
      body: {
        sample: () => ({ otp: '123456', otpRefId: 'OTPREF1', kycRequestId: 'KYC1' }),
        required: ['otp', 'otpRefId', 'kycRequestId'],
        maxBytes: DEFAULT_MAX,
      },
    },
  },
  'senders/[mobile]/ekyc/route.ts': {
    POST: {
      access: 'agent',
      params: 'mobile',
      body: {
        sample: () => ({ aadhaar: fixtures.sealed.sender, piddata: fixtures.pid, consent: true }),
        required: ['aadhaar', 'piddata', 'consent'],
        maxBytes: PID_MAX,
      },
    },
  },
  'senders/[mobile]/route.ts': {
    GET: { access: 'agent', params: 'mobile' },
    POST: {
      access: 'agent',
      params: 'mobile',
      body: {
        sample: enrolment,
        required: ['name', 'dob', 'address', 'address.line', 'address.area', 'address.city', 'address.district', 'address.state', 'address.pincode'],
        maxBytes: DEFAULT_MAX,
      },
    },
  },
  'banks/route.ts': { GET: { access: 'agent' } },
  'banks/ifsc/[ifsc]/route.ts': { GET: { access: 'agent', params: 'ifsc' } },
  'senders/[mobile]/recipients/route.ts': {
    GET: { access: 'agent', params: 'mobile' },
    POST: {
      access: 'agent',
      params: 'mobile',
      body: {
        sample: () => ({ name: 'Kiran Rao', mobile: '9876501234', ifsc: 'HDFC0000240', account: '50100999888877' }),
        required: ['name', 'mobile', 'ifsc', 'account'],
        maxBytes: DEFAULT_MAX,
      },
    },
  },
  'transfers/route.ts': {
    GET: { access: 'agent', query: 'transfers', noiseOnlyShare: 0.2 },
    POST: {
      access: 'agent',
      body: {
        sample: () => ({ senderMobile: '9000000001', recipientId: '10010001', amount: 1000, otpRefId: 'OTPREF1', otp: '123456' }),
        required: ['senderMobile', 'recipientId', 'amount', 'otpRefId', 'otp'],
        maxBytes: DEFAULT_MAX,
      },
    },
  },
  'transfers/otp/route.ts': {
    POST: {
      access: 'agent',
      body: {
        sample: () => ({ senderMobile: '9000000001', recipientId: '10010001', amount: 1000 }),
        required: ['senderMobile', 'recipientId', 'amount'],
        maxBytes: DEFAULT_MAX,
      },
    },
  },
  'transfers/pending/route.ts': { GET: { access: 'agent', query: 'pending', noiseOnlyShare: 0.2 } },
  'transfers/[id]/route.ts': { GET: { access: 'agent', params: 'id' } },
  'transfers/[id]/check/route.ts': { POST: { access: 'agent', params: 'id' } },
  'transfers/[id]/receipt/route.ts': { POST: { access: 'agent', params: 'id' } },
  'transfers/[id]/refund/otp/route.ts': { POST: { access: 'agent', params: 'id' } },
  'transfers/[id]/refund/route.ts': {
    POST: {
      access: 'agent',
      params: 'id',
      body: { sample: () => ({ otp: '123456', otpRefId: 'REF+1/x=' }), required: ['otp', 'otpRefId'], maxBytes: DEFAULT_MAX },
    },
  },
  'admin/transactions/route.ts': { GET: { access: 'admin', query: 'adminTransactions', noiseOnlyShare: 0.2 } },
  'admin/transactions/export/route.ts': { GET: { access: 'admin', query: 'adminTransactions' } },
  'admin/transactions/summary/route.ts': { GET: { access: 'admin', query: 'summary', noiseOnlyShare: 0.2 } },
  'telemetry/device-errors/route.ts': {
    POST: {
      access: 'agent',
      noiseOnlyShare: 0.2,
      body: { sample: () => ({ errCode: '-1', errInfo: 'Device not ready', stage: 'capture', deviceModel: 'MFS100' }), required: ['errCode'], maxBytes: 2048 },
    },
  },
};

// Sandbox senders that answer normally (the 90–96 fault mobiles belong to the fault tests).
const GOOD_MOBILES = Object.keys(SENDER_FIXTURES);
const BAD_MOBILES = [
  '',
  '12345',
  '5000000000',
  '90000000011',
  'abcdefghij',
  '9000000001\u0000',
  '९००००००००१',
  '٩٠٠٠٠٠٠٠٠١',
  '9000000001/../x',
  '%39000000001',
  '9e9',
  '-900000000',
  '9000000001.0',
  '+919000000001',
  '09000000001',
];
const BAD_IDS = [
  '',
  '1',
  'not-a-uuid',
  '00000000-0000-0000-0000-00000000000g',
  '{00000000-0000-4000-8000-000000000000}',
  "1' OR '1'='1",
  '00000000000040008000000000000000x',
];
const BAD_IFSCS = ['', 'SBIN', 'SBIN1000691', 'SBIN0000691X', '1234567890A', 'SBIN0000691/..', 'SBIN 000691', 'ＳＢＩＮ0000691'];
const GOOD_IFSCS = ['SBIN0000691', 'HDFC0000240', 'ZZZZ0123456', 'sbin0000691'];
const looksValid = (v: unknown) =>
  typeof v === 'string' &&
  (/^\s*[6-9]\d{9}\s*$/.test(v) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) || /^\s*[A-Z]{4}0[A-Z0-9]{6}\s*$/i.test(v));

function badParam(rng: Rng, kind: 'mobile' | 'id' | 'ifsc'): unknown {
  for (;;) {
    const v = rng.chance(0.5)
      ? rng.pick(kind === 'mobile' ? BAD_MOBILES : kind === 'ifsc' ? BAD_IFSCS : BAD_IDS)
      : rng.chance(0.8)
        ? junkString(rng)
        : rng.pick([undefined, ['9000000001', '9000000002'], 9000000001]);
    if (!looksValid(v)) return v;
  }
}

const BAD_PAGES = ['0', '-1', 'abc', '1.5', 'NaN', '1e999', '100001'];
const BAD_DAYS = ['2024-02-30', '17/05/2024', 'yesterday', '2024-13-01', '1999-12-31'];
const BAD_QUERY: Record<QueryKind, [string, string[]][]> = {
  transfers: [
    ['page', BAD_PAGES],
    ['state', ['maybe', 'SUCCESS', '__proto__', 'pending']],
    ['from', BAD_DAYS],
    ['to', BAD_DAYS],
  ],
  adminTransactions: [
    ['page', BAD_PAGES],
    ['agent', ['x', '1', 'not-a-uuid', "' OR 1=1"]],
    ['state', ['maybe', 'constructor']],
    ['kind', ['dmt', 'DMT_TRANSFER', '__proto__']],
    ['min', ['-1', '1.5', 'abc', '1e999']],
    ['max', ['-5', '2.25', '99999999999']],
    ['from', BAD_DAYS],
  ],
  pending: [['senderMobile', ['123', 'abcdefghij', '5000000000', '+919000000001']]],
  summary: [['days', ['8', 'abc', '-7', '7.5', '365']]],
  activity: [
    ['page', ['0', '-1', 'abc', '1.5', 'NaN', '1e999', '100001', 'Infinity', '1,2']],
    ['agent', ['x', '1', 'not-a-uuid', "' OR 1=1"]],
    ['action', ['sender', 'sender.unknown', 'SENDER.LOOKUP', '__proto__']],
    ['outcome', ['maybe', 'OK', 'constructor']],
    ['from', ['2024-02-30', '17/05/2024', 'yesterday', '2024-13-01']],
    ['to', ['2024-00-10', 'tomorrow']],
  ],
  agents: [
    ['page', ['0', '-1', 'abc', '1.5', 'NaN', '1e999', '100001']],
    ['q', ['x'.repeat(81), 'अ'.repeat(200)]],
  ],
};

/** Values of real query keys that may be valid or not, but must never break the handler. */
const EDGE_QUERY: Record<QueryKind, [string, () => string][]> = {
  transfers: [
    ['from', () => '2000-01-01'],
    ['to', () => '9999-12-31'],
    ['state', () => 'refund_pending'],
  ],
  adminTransactions: [
    ['min', () => '0'],
    ['max', () => '10000000'],
    ['kind', () => 'aeps_withdrawal'],
    ['agent', () => '00000000-0000-0000-0000-000000000000'],
  ],
  pending: [['senderMobile', () => '9000000001']],
  summary: [['days', () => '30']],
  activity: [
    ['from', () => '0000-01-01'],
    ['to', () => '9999-12-31'],
    ['from', () => '1900-02-28'],
    ['page', () => '100000'],
    ['agent', () => '00000000-0000-0000-0000-000000000000'],
    ['action', () => 'sender.lookup'],
  ],
  agents: [['q', () => '']],
};

interface Case {
  note: string;
  mustFail: boolean;
  url: string;
  params: Record<string, unknown>;
  init: RequestInit;
}

function bodyDefect(rng: Rng, spec: BodySpec, sample: Json): { note: string; body: string | Uint8Array<ArrayBuffer>; contentType?: string } {
  const text = JSON.stringify(sample);
  switch (rng.int(7)) {
    case 0: {
      const type = rng.pick([
        undefined,
        'text/plain',
        'application/xml',
        'text/xml',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
        'text/json',
        'json',
        '',
      ]);
      return { note: `content-type ${JSON.stringify(type)}`, body: rng.chance(0.5) ? text : `<?xml version="1.0"?>${fixtures.pid}`, contentType: type };
    }
    case 1: {
      const raw = rng.pick([
        text.slice(0, 1 + rng.int(text.length - 1)),
        fixtures.pid,
        '',
        'NaN',
        "{'a':1}",
        '{"a":1,}',
        `\ufeff\ufeff${text}`,
        '{"a":',
        '/* c */{}',
        'undefined',
        `${text}${text}`,
      ]);
      return { note: 'broken JSON', body: raw };
    }
    case 2: {
      const bytes = Buffer.from(text, 'utf8');
      const at = 2 + rng.int(Math.max(1, bytes.length - 4));
      const bad = rng.pick([[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0xc0, 0xaf]]);
      return { note: 'invalid UTF-8', body: new Uint8Array(Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at)])) };
    }
    case 3: {
      const pad = spec.maxBytes + 1 + rng.int(spec.maxBytes);
      return { note: `oversize (+${pad} bytes)`, body: JSON.stringify({ ...sample, [rng.pick(['name', 'piddata', 'padding', 'otp'])]: 'x'.repeat(pad) }) };
    }
    case 4: {
      const depth = 1 + rng.int(Math.floor(spec.maxBytes / 2) - 1);
      const raw = rng.pick([
        '[]',
        'null',
        '1',
        '"text"',
        'true',
        '1e400',
        '-0',
        JSON.stringify([sample]),
        `${'['.repeat(depth)}${']'.repeat(depth)}`,
        `${'{"a":'.repeat(Math.min(depth, 2000))}1${'}'.repeat(Math.min(depth, 2000))}`,
      ]);
      return { note: 'not an object', body: raw };
    }
    case 5: {
      const path = rng.pick(spec.required);
      const [head, tail] = path.split('.') as [string, string | undefined];
      const copy = structuredClone(sample);
      if (tail) (copy[head] as Json)[tail] = wrongTypeFor(rng, (sample[head] as Json)[tail]);
      else copy[head] = wrongTypeFor(rng, sample[head]);
      return { note: `wrong type at ${path}`, body: JSON.stringify(copy) };
    }
    default: {
      const path = rng.pick(spec.required);
      const [head, tail] = path.split('.') as [string, string | undefined];
      const copy = structuredClone(sample);
      if (tail) delete (copy[head] as Json)[tail];
      else if (rng.chance(0.5)) delete copy[head];
      else copy[head] = null;
      return { note: `missing ${path}`, body: JSON.stringify(copy) };
    }
  }
}

/** Odd characters inside a plausible value: what a scanner, a paste or a broken device sends. */
function oddened(rng: Rng, value: string): string {
  if (rng.chance(0.3)) return junkString(rng).slice(0, 100);
  const chars = [...value];
  for (let n = 1 + rng.int(3); n > 0; n--) chars.splice(rng.int(chars.length + 1), 0, rng.pick(ODD_CHARS));
  return chars.join('');
}

/** Extra keys, prototype keys and odd strings that a correct handler ignores, stores or refuses. */
function addNoise(rng: Rng, sample: Json): Json {
  const out: Json = Object.assign(Object.create(null), structuredClone(sample));
  for (let i = rng.int(4); i > 0; i--) out[rng.chance(0.5) ? rng.pick(PROTO_KEYS) : junkString(rng).slice(0, 40)] = junkValue(rng);
  if (rng.chance(0.6)) {
    const key = rng.pick(Object.keys(sample));
    if (typeof sample[key] === 'string') out[key] = oddened(rng, sample[key]);
  }
  const nested = Object.keys(sample).find((k) => typeOf(sample[k]) === 'object');
  if (nested && rng.chance(0.5)) {
    const inner: Json = Object.assign(Object.create(null), out[nested], rng.chance(0.5) ? pollutingObject(rng) : {});
    const key = rng.pick(Object.keys(inner));
    if (typeof inner[key] === 'string') inner[key] = oddened(rng, inner[key]);
    out[nested] = inner;
  }
  return out;
}

/** URLs cannot carry lone surrogates (encodeURIComponent throws); everything else is encoded. */
const enc = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

function junkHeaderValue(rng: Rng): string {
  // Header values are bytes without CR, LF or NUL; anything else goes.
  return junkString(rng)
    .replace(/[^\u0020-\u007e\u0080-\u00ff]/g, '')
    .trim()
    .slice(0, 200);
}

type Cookies = Record<Access, string> & { agentId: string };

function makeCase(rng: Rng, spec: MethodSpec, method: string, routeFile: string, cookies: Cookies): Case {
  const hasInput = Boolean(spec.params || spec.query || spec.body);
  const defective = spec.params === 'path' || (hasInput && !rng.chance(spec.noiseOnlyShare ?? 0.05));
  const notes: string[] = [];
  // Which part carries the planted defect.
  const parts = [spec.params && spec.params !== 'path' ? 'params' : null, spec.query ? 'query' : null, spec.body ? 'body' : null].filter(Boolean) as string[];
  const defectIn = defective && parts.length > 0 ? rng.pick(parts) : null;

  // Path parameters.
  const params: Record<string, unknown> = {};
  let segments = routeFile
    .replace(/\/?route\.ts$/, '')
    .split('/')
    .filter(Boolean);
  if (spec.params === 'path') {
    const junk = Array.from({ length: rng.int(6) }, () =>
      rng.chance(0.5) ? junkString(rng).slice(0, 60) : rng.pick(['senders', 'admin', '..', '.', '9000000001', '%2e%2e']),
    );
    params.path = junk;
    segments = junk.map((s) => enc(s));
    notes.push('unknown path');
  } else if (spec.params) {
    const name = spec.params;
    const value =
      defectIn === 'params' ? badParam(rng, name) : name === 'mobile' ? rng.pick(GOOD_MOBILES) : name === 'ifsc' ? rng.pick(GOOD_IFSCS) : cookies.agentId;
    if (defectIn === 'params') notes.push(`bad ${name} ${JSON.stringify(value)?.slice(0, 40)}`);
    if (value !== undefined) params[name] = value;
    const text = Array.isArray(value) ? value.join('/') : String(value ?? '');
    segments = segments.map((s) => (s === `[${name}]` ? enc(text) : s));
  }

  // Query string: a planted bad value, plus noise that must be ignored.
  const query: string[] = [];
  // Values of real keys first, so a planted defect (later) wins where keys repeat.
  if (spec.query && rng.chance(0.3)) {
    const [key, value] = rng.pick(EDGE_QUERY[spec.query]);
    query.push(`${key}=${enc(spec.query === 'agents' ? oddened(rng, 'Ravi').slice(0, 80) : value())}`);
  }
  if (spec.query && defectIn === 'query') {
    const [key, values] = rng.pick(BAD_QUERY[spec.query]);
    const value = rng.pick(values);
    query.push(`${key}=${enc(value)}`);
    notes.push(`bad query ${key}=${value.slice(0, 20)}`);
    if (spec.query === 'activity' && rng.chance(0.2)) query.push('from=2025-02-02', 'to=2025-01-01');
  }
  for (let i = rng.chance(0.5) ? rng.int(4) : 0; i > 0; i--) {
    const key = rng.chance(0.3) ? rng.pick(PROTO_KEYS) : junkString(rng).slice(0, 20);
    query.push(`${enc(key)}=${enc(junkString(rng).slice(0, 100))}`);
  }
  if (rng.chance(0.1)) query.push(rng.pick(['%', '%zz', '%E0%A4', 'a=%ff%fe', '&&&', '=x', 'zz']));
  const url = `${ORIGIN}/api/${segments.join('/')}${query.length ? `?${query.join('&')}` : ''}`;

  // Headers: the right session (mostly), the same-origin Origin for state-changing methods.
  const headers = new Headers();
  let cookie = cookies[spec.access];
  const authNoise = spec.access !== 'public' && rng.chance(0.02);
  if (authNoise) {
    cookie = rng.pick([
      '',
      'ad_session=',
      'ad_session=%E0%A4%A',
      `ad_session=${junkHeaderValue(rng)}`,
      `ad_session=${cookie.split('=')[1]?.slice(0, -3)}abc`,
      cookies[spec.access === 'agent' ? 'admin' : 'agent'],
    ]);
    notes.push('bad session');
  }
  if (rng.chance(0.1)) cookie += `; ad_lang=${rng.pick(['hi', 'xx', '%', junkHeaderValue(rng)])}`;
  if (cookie) headers.set('cookie', cookie);
  if (method !== 'GET') headers.set('origin', ORIGIN);
  if (rng.chance(0.1)) headers.set('x-request-id', junkHeaderValue(rng));
  if (rng.chance(0.05)) headers.set('accept-language', junkHeaderValue(rng));

  const init: RequestInit = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    if (spec.body) {
      const sample = spec.body.sample();
      if (defectIn === 'body') {
        const d = bodyDefect(rng, spec.body, rng.chance(0.5) ? addNoise(rng, sample) : sample);
        notes.push(d.note);
        init.body = d.body;
        if (d.contentType) headers.set('content-type', d.contentType);
        else if (!d.note.startsWith('content-type'))
          headers.set('content-type', rng.pick(['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON']));
      } else {
        init.body = JSON.stringify(addNoise(rng, sample));
        headers.set('content-type', 'application/json');
        notes.push('noise only');
      }
    } else if (rng.chance(0.5)) {
      // Handlers without a body schema must ignore whatever arrives.
      init.body = rng.chance(0.5) ? JSON.stringify(junkValue(rng)) : junkString(rng);
      headers.set('content-type', rng.pick(['application/json', 'text/plain', 'application/xml']));
      notes.push('ignored body');
    }
  }
  return { note: notes.join('; ') || 'no input', mustFail: defective || authNoise, url, params, init };
}

// ---------------------------------------------------------------- the run

type Handler = (req: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

const routeFiles = readdirSync(API_DIR, { recursive: true, encoding: 'utf8' })
  .map((f) => f.split('\\').join('/'))
  .filter((f) => f === 'route.ts' || f.endsWith('/route.ts'))
  .sort();
const modules = await Promise.all(routeFiles.map(async (f) => [f, (await import(join(API_DIR, f))) as Record<string, unknown>] as const));
const targets = modules.flatMap(([file, mod]) =>
  METHODS.filter((m) => typeof mod[m] === 'function').map((method) => ({ file, method, handler: mod[method] as Handler })),
);

const ERROR_CODES = new Set(Object.keys(API_ERRORS));
const prototypeNames = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join(','));

async function check(res: Response, c: Case): Promise<string | null> {
  const text = await res.text();
  if (res.status >= 500) return `answered ${res.status}: ${text.slice(0, 200)}`;
  if (c.mustFail && res.status < 400) return `a defective request answered ${res.status}`;
  if (!res.headers.get('x-request-id')) return 'no x-request-id';
  if (res.status < 400) return null;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `error answer is not JSON: ${text.slice(0, 100)}`;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown } }).error;
  if (!error || Object.keys(body as object).length !== 1) return `not the error shape: ${text.slice(0, 200)}`;
  if (typeof error.code !== 'string' || !ERROR_CODES.has(error.code)) return `unknown error code ${String(error.code)}`;
  if (API_ERRORS[error.code as keyof typeof API_ERRORS] !== res.status) return `${error.code} with status ${res.status}`;
  if (typeof error.message !== 'string' || error.message.length === 0) return 'empty message';
  if (error.fields !== undefined && (typeOf(error.fields) !== 'object' || Object.values(error.fields as object).some((v) => typeof v !== 'string')))
    return 'bad fields';
  return null;
}

useTestDatabase();
useEkoSandbox();
const cookies = {} as Cookies;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const before = prototypeNames();
const summary: string[] = [];

beforeAll(async () => {
  console.info(`[fuzz] seed ${SEED} (FUZZ_SEED=${SEED} reproduces), ${CASES} cases per route method, ${targets.length} route methods`);
  await forget('transportKey');
  fixtures.pid = syntheticPidData({ wadh: EKYC_WADH, qScore: 80, nmPoints: 40, fType: '2' });
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  console.info(`[fuzz] statuses per route method (seed ${SEED}):\n${summary.join('\n')}`);
});

let passwordHash = '';
beforeEach(async () => {
  // Tables are emptied before each test; one scrypt hash serves every user (hashing is slow).
  passwordHash ||= await hashPassword('fuzz-password-1');
  const db = await getDb();
  const agent = await createUser(db, { role: 'agent', name: 'Fuzz Agent', mobile: '9812300001', ekoUserCode: '20810200', passwordHash });
  const admin = await createUser(db, { role: 'admin', name: 'Fuzz Admin', mobile: '9812300002', ekoUserCode: null, passwordHash });
  if (!agent.ok || !admin.ok) throw new Error('fuzz users collided');
  cookies.agent = await cookieFor(agent.user);
  cookies.admin = await cookieFor(admin.user);
  cookies.public = '';
  cookies.agentId = agent.user.id;
  fixtures.sealed = {
    sender: await sealForTests('999999990019', { purpose: 'sender_ekyc', mobile: '9000000002' }, agent.user),
    aepsEkyc: await sealForTests('999999990019', { purpose: 'aeps_ekyc' }, agent.user),
    aepsDaily: await sealForTests('999999990019', { purpose: 'aeps_daily_auth' }, agent.user),
    customer: await sealForTests('999999990019', { purpose: 'aeps_transaction', mobile: '9876512345' }, agent.user),
  };
});

describe('fuzzing every route handler under app/api', () => {
  it('has a fuzz spec for every exported method of every route file', () => {
    expect(targets.length).toBeGreaterThan(20);
    const missing = targets.filter((t) => !SPECS[t.file]?.[t.method as keyof (typeof SPECS)[string]]).map((t) => `${t.method} ${t.file}`);
    expect(missing, 'route methods without fuzz coverage: add them to SPECS').toEqual([]);
    const stale = Object.entries(SPECS).flatMap(([file, methods]) =>
      Object.keys(methods)
        .filter((m) => !targets.some((t) => t.file === file && t.method === m))
        .map((m) => `${m} ${file}`),
    );
    expect(stale, 'SPECS entries for methods that no longer exist').toEqual([]);
  });

  it.each(targets.map((t) => [`${t.method} /api/${t.file.replace(/\/?route\.ts$/, '')}`, t] as const))(
    '%s: refuses malformed input with a shaped 4xx, never a 5xx',
    async (name, { file, method, handler }) => {
      const spec = SPECS[file]?.[method as keyof (typeof SPECS)[string]];
      if (!spec) return; // reported by the coverage test above
      const rng = new Rng(seedFor(name));
      const statuses = new Map<number, number>();
      const started = performance.now();
      const BATCH = 8;
      for (let i = 0; i < CASES; i += BATCH) {
        const batch = Array.from({ length: Math.min(BATCH, CASES - i) }, () => makeCase(rng, spec, method, file, cookies));
        const problems = await Promise.all(
          batch.map(async (c, j) => {
            let problem: string | null;
            try {
              const res = await handler(new Request(c.url, c.init), { params: Promise.resolve(c.params) });
              statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
              problem = await check(res, c);
            } catch (err) {
              problem = `threw ${(err as Error)?.name}: ${(err as Error)?.message}`;
            }
            return problem && `case ${i + j} (${c.note}; ${c.init.method} ${c.url.slice(0, 120)}): ${problem} — rerun with FUZZ_SEED=${SEED}`;
          }),
        );
        const failed = problems.filter(Boolean);
        expect(failed).toEqual([]);
      }
      await new Promise((r) => setImmediate(r));
      expect(unhandled).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(prototypeNames()).toEqual(before);
      const counts = [...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ');
      summary.push(`  ${name}: ${CASES} cases in ${Math.round(performance.now() - started)} ms — ${counts}`);
    },
    120_000,
  );
});
