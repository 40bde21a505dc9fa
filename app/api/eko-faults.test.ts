import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SealUse } from '@/lib/aadhaar/seal';
import { sealForTests } from '@/test/seal';

import { API_ERRORS, ApiError, type ApiErrorCode } from '@/lib/api/errors';
import { hashPassword } from '@/lib/auth/password';
import { getDb } from '@/lib/db/client';
import { createUser } from '@/lib/db/queries/users';
import { auditEvents } from '@/lib/db/schema';
import { cookieFor, useTestDatabase } from '@/test/db';
import { EKYC_WADH } from '@/lib/rd/pid-options';
import { AADHAAR_FIXTURES, FAULT_FIXTURES, type FaultFixture, SANDBOX_OTP } from '@/sandbox/eko/fixtures';
import type { EkoSandbox } from '@/sandbox/eko/server';
import { useEkoSandbox } from '@/sandbox/eko/test-helpers';
import { syntheticPidData } from '@/sandbox/rd/pid';
import { POST as aepsDailyAuth } from './aeps/daily-auth/route';
import { POST as aepsBiometric } from './aeps/ekyc/biometric/route';
import { POST as aepsSendOtp } from './aeps/ekyc/otp/route';
import { POST as aepsVerifyOtp } from './aeps/ekyc/otp/verify/route';
import { POST as senderEkycOtp } from './senders/[mobile]/ekyc/otp/route';
import { POST as senderEkyc } from './senders/[mobile]/ekyc/route';
import { POST as onboard } from './senders/[mobile]/route';
import { forget } from '@/lib/process-state';

// Every Eko fault fixture × every call that is not idempotent, through the real route handlers
// and the sandbox over HTTP: the agent gets the error the table maps the fault to, and Eko saw
// the request exactly once (a retried OTP send or eKYC could charge, lock or confuse the
// customer). Sender calls fault on the sender's mobile; AePS calls on the agent's own mobile,
// which they send as customer_id. Reads (sender lookup) are retried and covered in
// app/api/senders/[mobile]/route.test.ts and lib/eko/client.test.ts.

useTestDatabase();
const eko = useEkoSandbox(); // EKO_TIMEOUT_MS = 1500, below the slow fixture's 2 s
let sandbox: EkoSandbox;
let passwordHash = '';
const LATLONG = '28.613900,77.209000';

beforeAll(async () => {
  await forget('transportKey');
  passwordHash = await hashPassword('fault-password-1'); // once: scrypt is slow
});

/** Eko user codes are unique per agent: one derived from the mobile. */
async function agentWithMobile(mobile: string) {
  const created = await createUser(await getDb(), { role: 'agent', name: `Agent ${mobile}`, mobile, ekoUserCode: mobile.slice(-8), passwordHash });
  if (!created.ok) throw new Error(`agent ${mobile}: ${created.taken} taken`);
  return created.user;
}
beforeEach(() => {
  sandbox = eko.sandbox();
});

/** What the agent sees for each fault (lib/eko/failures.ts ekoError). */
const EXPECTED: Record<FaultFixture, ApiErrorCode> = {
  timeout: 'upstream_timeout',
  server_error: 'upstream_unavailable', // 502 from a gateway: not retried for a write
  html: 'upstream_bad_response',
  invalid_json: 'upstream_bad_response',
  forbidden: 'upstream_rejected',
  slow: 'upstream_timeout', // 2 s answer, 1.5 s client timeout: the agent decides, nothing resends
  no_key: 'upstream_bad_response',
};

const pid = (wadh: string | null) => syntheticPidData({ wadh, qScore: 80, nmPoints: 40, fType: '2' });
type Handler = typeof onboard;

interface Path {
  name: string;
  handler: Handler;
  /** Where the fault mobile goes: the sender in the URL, or the agent's own mobile. */
  faultOn: 'sender' | 'agent';
  url: (mobile: string) => string;
  /** The request body; `aadhaar` is the seal made for this call's agent and mobile. */
  body: (aadhaar: string) => Record<string, unknown>;
  /** What the call's seal is for (none: the call carries no Aadhaar). */
  seal?: (mobile: string) => SealUse;
  eko: { method: 'POST' | 'PUT'; path: RegExp; action: string };
}

const PATHS: Path[] = [
  {
    name: 'Onboard Sender',
    handler: onboard,
    faultOn: 'sender',
    url: (m) => `/api/senders/${m}`,
    body: () => ({
      name: 'Sita Ram',
      dob: '1990-05-17',
      address: { line: '12 Gandhi Road', area: 'Shivaji Nagar', city: 'Pune', district: 'Pune', state: 'Maharashtra', pincode: '411005' },
    }),
    eko: { method: 'POST', path: /\/dmt-fino\/sender\/\d{10}$/, action: 'sender.onboard' },
  },
  {
    name: 'Sender eKYC',
    handler: senderEkyc,
    faultOn: 'sender',
    url: (m) => `/api/senders/${m}/ekyc`,
    seal: (mobile) => ({ purpose: 'sender_ekyc', mobile }),
    body: (aadhaar) => ({ aadhaar, piddata: pid(EKYC_WADH), consent: true }),
    eko: { method: 'PUT', path: /\/sender\/\d{10}\/otp$/, action: 'sender.ekyc' },
  },
  {
    name: 'Validate eKYC OTP',
    handler: senderEkycOtp,
    faultOn: 'sender',
    url: (m) => `/api/senders/${m}/ekyc/otp`,
    body: () => ({ otp: SANDBOX_OTP, otpRefId: 'OTPREF1', kycRequestId: 'KYC1' }),
    eko: { method: 'PUT', path: /\/sender\/\d{10}\/otp\/verify$/, action: 'sender.ekyc_otp' },
  },
  {
    name: 'AePS Send OTP',
    handler: aepsSendOtp,
    faultOn: 'agent',
    url: () => '/api/aeps/ekyc/otp',
    seal: () => ({ purpose: 'aeps_ekyc' }),
    body: (aadhaar) => ({ aadhaar, latlong: LATLONG }),
    eko: { method: 'POST', path: /\/aeps-fingpay\/kyc\/otp$/, action: 'aeps.ekyc_send_otp' },
  },
  {
    name: 'AePS Verify OTP',
    handler: aepsVerifyOtp,
    faultOn: 'agent',
    url: () => '/api/aeps/ekyc/otp/verify',
    seal: () => ({ purpose: 'aeps_ekyc' }),
    body: (aadhaar) => ({ aadhaar, latlong: LATLONG, otp: SANDBOX_OTP, otpRefId: 'OTPREF1', referenceTid: 'TID1' }),
    eko: { method: 'PUT', path: /\/aeps-fingpay\/kyc\/otp\/verify$/, action: 'aeps.ekyc_verify_otp' },
  },
  {
    name: 'AePS biometric eKYC',
    handler: aepsBiometric,
    faultOn: 'agent',
    url: () => '/api/aeps/ekyc/biometric',
    seal: () => ({ purpose: 'aeps_ekyc' }),
    body: (aadhaar) => ({ aadhaar, latlong: LATLONG, piddata: pid(EKYC_WADH), bankCode: 'SBIN', otpRefId: 'OTPREF1', referenceTid: 'TID1' }),
    eko: { method: 'PUT', path: /\/aeps-fingpay\/kyc\/biometric$/, action: 'aeps.ekyc_biometric' },
  },
  {
    name: 'AePS daily authentication',
    handler: aepsDailyAuth,
    faultOn: 'agent',
    url: () => '/api/aeps/daily-auth',
    seal: () => ({ purpose: 'aeps_daily_auth' }),
    body: (aadhaar) => ({ aadhaar, latlong: LATLONG, piddata: pid(''), bankCode: 'SBIN' }),
    eko: { method: 'PUT', path: /\/aeps-fingpay\/.*daily$/, action: 'aeps.daily_auth' },
  },
];

const FAULTS = Object.entries(FAULT_FIXTURES) as [string, FaultFixture][];

describe('Eko faults on calls that are never retried', () => {
  it('covers every fault fixture', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(FAULTS.map(([, f]) => f).sort());
  });

  // One test per call; its faults run side by side (each on its own mobile), so the two
  // timeouts cost one client timeout rather than two.
  it.each(PATHS.map((p) => [p.name, p] as const))(
    '%s: each fault → its error, sent to Eko exactly once',
    async (_name, path) => {
      const senderAgent = await agentWithMobile('9812300009');
      const results = await Promise.all(
        FAULTS.map(async ([mobile, fault]) => {
          const agent = path.faultOn === 'agent' ? await agentWithMobile(mobile) : senderAgent;
          const res = await path.handler(
            new Request(`http://localhost${path.url(mobile)}`, {
              method: 'POST',
              headers: { cookie: await cookieFor(agent), 'content-type': 'application/json', origin: 'http://localhost' },
              body: JSON.stringify(path.body(path.seal ? await sealForTests(AADHAAR_FIXTURES.success, path.seal(mobile), agent) : '')),
            }),
            { params: Promise.resolve(path.faultOn === 'sender' ? { mobile } : {}) },
          );
          return { mobile, fault, status: res.status, body: await res.json(), requestId: res.headers.get('x-request-id') };
        }),
      );

      for (const { mobile, fault, status, body, requestId } of results) {
        const code = EXPECTED[fault];
        expect({ fault, status, body }).toEqual({ fault, status: API_ERRORS[code], body: new ApiError(code).toBody() });
        expect(requestId).toBeTruthy();
        const calls = sandbox.state.calls.filter((c) => c.customerId === mobile);
        expect(calls, `${fault}: calls that reached the sandbox`).toHaveLength(1);
        expect(calls[0]).toMatchObject({ method: path.eko.method, path: expect.stringMatching(path.eko.path) });
      }
      // The AePS bank check reads Eko's bank list first (once, then from the cache).
      const audit = (await (await getDb()).select().from(auditEvents)).filter((r) => r.action !== 'bank.list');
      expect(audit).toHaveLength(FAULTS.length);
      for (const row of audit) expect(row).toMatchObject({ action: path.eko.action, outcome: 'upstream_error', attempts: 1 });
    },
    20_000,
  );
});
