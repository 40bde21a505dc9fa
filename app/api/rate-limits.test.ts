import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AgentSealPurpose, SealUse } from '@/lib/aadhaar/seal';
import { sealForTests } from '@/test/seal';

import type { User } from '@/lib/db/schema';
import { cookieFor, createTestUser, useTestDatabase } from '@/test/db';
import { consume, RATE_RULES, type RuleName } from '@/lib/rate-limit';
import { EKYC_WADH } from '@/lib/rd/pid-options';
import { AADHAAR_FIXTURES, SANDBOX_OTP } from '@/sandbox/eko/fixtures';
import type { EkoSandbox } from '@/sandbox/eko/server';
import { useEkoSandbox } from '@/sandbox/eko/test-helpers';
import { syntheticPidData } from '@/sandbox/rd/pid';
import { POST as aepsDailyAuth } from './aeps/daily-auth/route';
import { POST as aepsBiometric } from './aeps/ekyc/biometric/route';
import { POST as aepsSendOtp } from './aeps/ekyc/otp/route';
import { POST as aepsVerifyOtp } from './aeps/ekyc/otp/verify/route';
import { POST as senderOtp } from './senders/[mobile]/ekyc/otp/route';
import { POST as senderEkyc } from './senders/[mobile]/ekyc/route';
import { GET as senderLookup, POST as senderOnboard } from './senders/[mobile]/route';
import { forget } from '@/lib/process-state';

// The lookup, enrolment, OTP and eKYC budgets through the route handlers, against the Eko sandbox over HTTP: each
// kind refuses past its budget with a 429 the agent can act on, and a refused call never reaches
// Eko. Large budgets are spent down through the library first; the route then spends the last
// point (proving it counts against that rule and key) and refuses the next call.

let sandbox: EkoSandbox;
let agent: User;
useTestDatabase();
const eko = useEkoSandbox();
const LATLONG = '28.613900,77.209000';

beforeAll(() => forget('transportKey'));
beforeEach(async () => {
  sandbox = eko.sandbox();
  agent = await createTestUser('agent');
});

type Handler = typeof senderEkyc;
async function call(handler: Handler, path: string, body: unknown, opts: { as?: User; params?: Record<string, string>; lang?: string } = {}) {
  const cookie = [await cookieFor(opts.as ?? agent), opts.lang ? `ad_lang=${opts.lang}` : ''].filter(Boolean).join('; ');
  return handler(
    new Request(`http://localhost${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve(opts.params ?? {}) },
  );
}

const seal = (use: SealUse, as?: User) => sealForTests(AADHAAR_FIXTURES.success, use, as ?? agent);
const pid = (wadh: string | null) => syntheticPidData({ wadh, qScore: 80, nmPoints: 40, fType: '2' });
const identity = async (purpose: AgentSealPurpose = 'aeps_ekyc', as?: User) => ({ aadhaar: await seal({ purpose }, as), latlong: LATLONG });

const submitSenderEkyc = async (mobile: string, as?: User) =>
  call(
    senderEkyc,
    `/api/senders/${mobile}/ekyc`,
    { aadhaar: await seal({ purpose: 'sender_ekyc', mobile }, as), piddata: pid(EKYC_WADH), consent: true },
    { as, params: { mobile } },
  );
const submitSenderOtp = (mobile: string, as?: User) =>
  call(senderOtp, `/api/senders/${mobile}/ekyc/otp`, { otp: SANDBOX_OTP, otpRefId: 'OTPREF1', kycRequestId: 'KYC1' }, { as, params: { mobile } });

const lookup = async (mobile: string, as?: User) =>
  senderLookup(new Request(`http://localhost/api/senders/${mobile}`, { headers: { cookie: await cookieFor(as ?? agent) } }), {
    params: Promise.resolve({ mobile }),
  });
const enrolment = {
  name: 'Sita Ram',
  dob: '1990-05-17',
  address: { line: '12 Gandhi Road', area: 'Shivaji Nagar', city: 'Pune', district: 'Pune', state: 'Maharashtra', pincode: '411005' },
};
const enrol = (mobile: string, as?: User) => call(senderOnboard, `/api/senders/${mobile}`, enrolment, { as, params: { mobile } });

/** Spends all but `leave` points of a budget, as earlier calls would have. */
async function spend(rule: RuleName, key: string, leave = 1) {
  for (let i = 0; i < RATE_RULES[rule].points - leave; i++) await consume([{ rule, key }]);
}

async function expectRefused(res: Response, rule: RuleName, message: RegExp) {
  expect(res.status).toBe(429);
  const body = await res.json();
  expect(body).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(message) } });
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(RATE_RULES[rule].duration);
  expect(res.headers.get('x-ratelimit-limit')).toBe(String(RATE_RULES[rule].points));
  expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
  const reset = Number(res.headers.get('x-ratelimit-reset'));
  expect(Math.abs(reset - (Math.ceil(Date.now() / 1000) + retryAfter))).toBeLessThanOrEqual(2);
  return body.error.message as string;
}

/** The call went through the limiter: not refused, and the budget headers say what is left. */
function expectAdmitted(res: Response) {
  expect(res.status).not.toBe(429);
}

describe('AePS OTP send (the agent’s own mobile)', () => {
  it('sends 5 OTPs in 15 minutes; the 6th is refused with Retry-After and never reaches Eko', async () => {
    const id = await identity();
    for (let i = 1; i <= 5; i++) {
      const res = await call(aepsSendOtp, '/api/aeps/ekyc/otp', id);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBe('5');
      expect(res.headers.get('x-ratelimit-remaining')).toBe(String(5 - i));
    }
    const before = sandbox.state.calls.length;
    const message = await expectRefused(
      await call(aepsSendOtp, '/api/aeps/ekyc/otp', id),
      'aepsOtpSend',
      /^Too many OTPs have been sent to your mobile\. Wait 15 minutes before sending another\.$/,
    );
    expect(message).not.toMatch(/\{wait\}/);
    expect(sandbox.state.calls.length).toBe(before);
    // Another agent has a budget of their own.
    const other = await createTestUser('agent');
    expect((await call(aepsSendOtp, '/api/aeps/ekyc/otp', await identity('aeps_ekyc', other), { as: other })).status).toBe(200);
  });

  it('speaks Hindi to a Hindi-speaking agent', async () => {
    await spend('aepsOtpSend', agent.id, 0);
    const res = await call(aepsSendOtp, '/api/aeps/ekyc/otp', await identity(), { lang: 'hi' });
    expect(await expectRefused(res, 'aepsOtpSend', /^आपके मोबाइल पर बहुत ज़्यादा OTP भेजे जा चुके हैं। नया OTP भेजने से पहले 15 मिनट रुकें।$/)).toBeTruthy();
  });
});

describe('AePS OTP check, biometric eKYC and daily authentication (per agent)', () => {
  const cases: [string, RuleName, Handler, string, () => Promise<unknown>, RegExp][] = [
    [
      'OTP check',
      'aepsOtpVerify',
      aepsVerifyOtp,
      'ekyc/otp/verify',
      async () => ({ ...(await identity()), otp: SANDBOX_OTP, otpRefId: 'R1', referenceTid: 'T1' }),
      /^Too many OTP attempts\. Wait \d+ minutes?, then send a new OTP\.$/,
    ],
    [
      'biometric eKYC',
      'aepsBiometric',
      aepsBiometric,
      'ekyc/biometric',
      async () => ({ ...(await identity()), otpRefId: 'R1', referenceTid: 'T1', piddata: pid(EKYC_WADH), bankCode: 'SBIN' }),
      /^Too many fingerprint attempts\. Wait \d+ minutes? and try again/,
    ],
    [
      'daily authentication',
      'aepsDailyAuth',
      aepsDailyAuth,
      'daily-auth',
      async () => ({ ...(await identity('aeps_daily_auth')), piddata: pid(''), bankCode: 'SBIN' }),
      /^Too many fingerprint attempts\. Wait \d+ minutes? and try again/,
    ],
  ];
  it.each(cases)('%s: the last call of the budget goes to Eko, the next is refused before it', async (_name, rule, handler, path, body, message) => {
    await spend(rule, agent.id);
    const last = await call(handler, `/api/aeps/${path}`, await body());
    expectAdmitted(last);
    expect(last.headers.get('x-ratelimit-remaining')).toBe(last.ok ? '0' : null);
    const before = sandbox.state.calls.length;
    expect(before).toBeGreaterThan(0);
    await expectRefused(await call(handler, `/api/aeps/${path}`, await body()), rule, message);
    expect(sandbox.state.calls.length).toBe(before);
  });
});

describe('sender eKYC submissions', () => {
  it('per sender, across agents: after 30 in 15 minutes no agent can submit for that sender; other senders are unaffected', async () => {
    await spend('senderEkycPerSender', '9000000002');
    const last = await submitSenderEkyc('9000000002');
    expect(last.status).toBe(200);
    expect(last.headers.get('x-ratelimit-remaining')).toBe('0');

    const other = await createTestUser('agent');
    const before = sandbox.state.calls.length;
    await expectRefused(
      await submitSenderEkyc('9000000002', other),
      'senderEkycPerSender',
      /^Too many eKYC attempts for this sender\. Wait 15 minutes and try again\.$/,
    );
    const hindi = await call(
      senderEkyc,
      '/api/senders/9000000002/ekyc',
      { aadhaar: await seal({ purpose: 'sender_ekyc', mobile: '9000000002' }, other), piddata: pid(EKYC_WADH), consent: true },
      { as: other, params: { mobile: '9000000002' }, lang: 'hi' },
    );
    await expectRefused(hindi, 'senderEkycPerSender', /^इस ग्राहक के लिए eKYC की बहुत ज़्यादा कोशिशें हुईं। 15 मिनट रुककर फिर कोशिश करें।$/);
    expect(sandbox.state.calls.length).toBe(before);
    expect((await submitSenderEkyc('9000000003', other)).status).toBe(200);
  });

  it('per agent: after 60 in an hour the agent is refused for every sender; other agents are unaffected', async () => {
    await spend('senderEkycPerAgent', agent.id);
    expect((await submitSenderEkyc('9000000002')).status).toBe(200);
    const before = sandbox.state.calls.length;
    await expectRefused(
      await submitSenderEkyc('9000000003'),
      'senderEkycPerAgent',
      /^Your account has made too many eKYC attempts in the last hour\. Wait \d+ minutes? and try again\. If you did not make them, tell your administrator\.$/,
    );
    expect(sandbox.state.calls.length).toBe(before);
    expect((await submitSenderEkyc('9000000003', await createTestUser('agent'))).status).toBe(200);
  });

  it('retrying a blocked sender does not eat into the agent’s budget for other customers', async () => {
    await spend('senderEkycPerAgent', agent.id);
    await spend('senderEkycPerSender', '9000000002', 0);
    for (let i = 0; i < 3; i++) expect((await submitSenderEkyc('9000000002')).status).toBe(429);
    expect((await submitSenderEkyc('9000000003')).status).toBe(200);
    expect((await submitSenderEkyc('9000000008')).status).toBe(429);
  });

  it('a call refused by the agent’s budget gives back the sender’s point', async () => {
    await spend('senderEkycPerSender', '9000000002');
    await spend('senderEkycPerAgent', agent.id, 0);
    await expectRefused(await submitSenderEkyc('9000000002'), 'senderEkycPerAgent', /too many eKYC attempts in the last hour/);
    const other = await createTestUser('agent');
    expect((await submitSenderEkyc('9000000002', other)).status).toBe(200);
    await expectRefused(await submitSenderEkyc('9000000002', other), 'senderEkycPerSender', /for this sender/);
  });

  it('input refused as invalid spends nothing', async () => {
    await spend('senderEkycPerSender', '9000000002');
    for (let i = 0; i < 5; i++) {
      const res = await call(
        senderEkyc,
        '/api/senders/9000000002/ekyc',
        { aadhaar: 'plain', piddata: '<x/>', consent: false },
        { params: { mobile: '9000000002' } },
      );
      expect(res.status).toBe(400);
    }
    expect((await submitSenderEkyc('9000000002')).status).toBe(200);
  });
});

describe('sender eKYC OTP checks', () => {
  it('per sender: the 31st check in 15 minutes is refused before Eko, for any agent', async () => {
    await spend('senderOtpPerSender', '9000000002');
    expectAdmitted(await submitSenderOtp('9000000002'));
    const before = sandbox.state.calls.length;
    await expectRefused(
      await submitSenderOtp('9000000002', await createTestUser('agent')),
      'senderOtpPerSender',
      /^Too many OTP attempts for this sender\. Wait 15 minutes; if the OTP has expired by then, capture the fingerprint again for a new one\.$/,
    );
    expect(sandbox.state.calls.length).toBe(before);
    expectAdmitted(await submitSenderOtp('9000000003'));
  });

  it('per agent: the 61st check in an hour is refused, whichever the sender', async () => {
    await spend('senderOtpPerAgent', agent.id);
    expectAdmitted(await submitSenderOtp('9000000002'));
    const before = sandbox.state.calls.length;
    await expectRefused(await submitSenderOtp('9000000003'), 'senderOtpPerAgent', /^Your account has made too many OTP attempts in the last hour\./);
    expect(sandbox.state.calls.length).toBe(before);
  });
});

describe('sender lookups (per agent)', () => {
  it('every answer carries the budget; 12 back-to-back lookups count down from 200', async () => {
    for (let i = 1; i <= 12; i++) {
      const res = await lookup('9000000001');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBe('200');
      expect(res.headers.get('x-ratelimit-remaining')).toBe(String(200 - i));
      expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    }
  });

  it('the 201st lookup in 15 minutes is refused before Eko, whichever the sender; other agents are unaffected', async () => {
    await spend('senderLookupPerAgent', agent.id);
    expect((await lookup('9000000001')).status).toBe(200);
    const before = sandbox.state.calls.length;
    const message = await expectRefused(
      await lookup('9000000002'),
      'senderLookupPerAgent',
      /^Your account has looked up too many senders in the last few minutes\. Wait 15 minutes and try again\. If you did not make these searches, tell your administrator\.$/,
    );
    expect(message).not.toMatch(/\{wait\}/);
    expect(sandbox.state.calls.length).toBe(before);
    expect((await lookup('9000000002', await createTestUser('agent'))).status).toBe(200);
  });

  it('a script spread over the day is stopped at 1,500 lookups, told to wait hours', async () => {
    await spend('senderLookupPerAgentDaily', agent.id, 0);
    const before = sandbox.state.calls.length;
    await expectRefused(
      await lookup('9000000003'),
      'senderLookupPerAgentDaily',
      /^Your account has reached today’s limit of sender lookups\. Wait 24 hours, or ask your administrator\./,
    );
    expect(sandbox.state.calls.length).toBe(before);
    // The refusal gave back the point it took from the 15-minute budget.
    const next = await lookup('9000000003', await createTestUser('agent'));
    expect(next.status).toBe(200);
    expect((await consume([{ rule: 'senderLookupPerAgent', key: agent.id }]))?.remaining).toBe(199);
  });

  it('a mistyped mobile costs nothing', async () => {
    await spend('senderLookupPerAgent', agent.id);
    for (const bad of ['12345', '999999990019']) expect((await lookup(bad)).status).toBe(400);
    expect((await lookup('9000000001')).status).toBe(200);
  });
});

describe('sender enrolment', () => {
  it('per sender, across agents: the 6th attempt in an hour for one mobile is refused before Eko', async () => {
    for (let i = 0; i < 5; i++) expectAdmitted(await enrol('9000000005', i % 2 ? agent : await createTestUser('agent')));
    const before = sandbox.state.calls.length;
    await expectRefused(
      await enrol('9000000005', await createTestUser('agent')),
      'senderOnboardPerSender',
      /^This mobile number has had too many enrolment attempts\. Wait 60 minutes, check the sender’s details, and try again\.$/,
    );
    expect(sandbox.state.calls.length).toBe(before);
    expectAdmitted(await enrol('9000000006'));
  });

  it('per agent: after 30 enrolments in an hour the agent is refused for every sender; other agents are unaffected', async () => {
    await spend('senderOnboardPerAgent', agent.id);
    expectAdmitted(await enrol('9000000005'));
    const before = sandbox.state.calls.length;
    await expectRefused(
      await enrol('9000000006'),
      'senderOnboardPerAgent',
      /^Your account has enrolled too many senders in the last hour\. Wait \d+ minutes? and try again\./,
    );
    expect(sandbox.state.calls.length).toBe(before);
    expectAdmitted(await enrol('9000000006', await createTestUser('agent')));
  });

  it('an enrolment form refused as invalid spends nothing', async () => {
    await spend('senderOnboardPerSender', '9000000005');
    for (let i = 0; i < 3; i++)
      expect((await call(senderOnboard, '/api/senders/9000000005', { name: 'S1', dob: 'x' }, { params: { mobile: '9000000005' } })).status).toBe(400);
    expectAdmitted(await enrol('9000000005'));
  });
});
