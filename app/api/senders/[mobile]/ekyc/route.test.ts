import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encryptWithJwk } from '@/lib/aadhaar/transport-client';
import { resetTransportKeyForTests, transportKey } from '@/lib/aadhaar/transport-server';
import { auditEvents } from '@/lib/db/schema';
import { cookieFor, createTestUser, useTestDatabase } from '@/lib/db/test-db';
import { EKYC_WADH } from '@/lib/rd/pid-options';
import { AADHAAR_FIXTURES, OTP_EXPIRED, SANDBOX_OTP } from '@/sandbox/eko/fixtures';
import type { EkoSandbox } from '@/sandbox/eko/server';
import { useEkoSandbox } from '@/sandbox/eko/test-helpers';
import { syntheticPidData } from '@/sandbox/rd/pid';
import { GET as lookup } from '../route';
import { POST as submitOtp } from './otp/route';
import { POST as submitEkyc } from './route';

// Sender eKYC and OTP validation through the route handlers, against the Eko sandbox over HTTP.

let sandbox: EkoSandbox;
let cookie = '';
const database = useTestDatabase();
const eko = useEkoSandbox();

beforeAll(() => resetTransportKeyForTests());
beforeEach(async () => {
  sandbox = eko.sandbox();
  cookie = await cookieFor(await createTestUser('agent'));
});

const ctx = (mobile: string) => ({ params: Promise.resolve({ mobile }) });
const post = (handler: typeof submitEkyc, url: string, mobile: string, body: unknown) =>
  handler(new Request(`http://localhost${url}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: 'http://localhost' }, body: JSON.stringify(body) }), ctx(mobile));

const pid = (wadh: string | null = EKYC_WADH) => syntheticPidData({ wadh, qScore: 72, nmPoints: 38, fType: '2' });
const seal = (aadhaar: string) => encryptWithJwk(aadhaar, transportKey().jwk);
const ekyc = async (mobile: string, aadhaar: string, piddata = pid()) =>
  post(submitEkyc, `/api/senders/${mobile}/ekyc`, mobile, { aadhaar: await seal(aadhaar), piddata, consent: true });
const otp = (mobile: string, refs: { otpRefId: string; kycRequestId: string }, code: string) =>
  post(submitOtp, `/api/senders/${mobile}/ekyc/otp`, mobile, { otp: code, ...refs });

describe('sender eKYC', () => {
  it('completes: OTP sent, OTP validated, the lookup shows ₹25,000; audit keeps only the last four digits', async () => {
    const started = await ekyc('9000000002', AADHAAR_FIXTURES.success);
    expect(started.status).toBe(200);
    const refs = await started.json();
    expect(refs).toEqual({ kycRequestId: expect.stringMatching(/^KYC/), otpRefId: expect.stringMatching(/^OTPREF/), maskedMobile: null });
    expect((await otp('9000000002', refs, SANDBOX_OTP)).status).toBe(200);
    const card = await (await lookup(new Request('http://localhost/api/senders/9000000002', { headers: { cookie } }), ctx('9000000002'))).json();
    expect(card.sender).toMatchObject({ state: 'kyc_verified', limits: { monthly: 25000, used: 1200, available: 23800 } });

    const rows = await database.db().select().from(auditEvents);
    expect(rows.map((r) => [r.action, r.outcome, r.detail])).toEqual([
      ['sender.ekyc', 'ok', 'otp_sent'],
      ['sender.ekyc_otp', 'ok', 'kyc_completed'],
      ['sender.lookup', 'ok', 'kyc_verified'],
    ]);
    expect(rows[0]).toMatchObject({ aadhaarLast4: '0019' });
    // No hash of the number either (security round 2, item 7): nothing a backup could reverse.
    expect(Object.keys(rows[0]!)).not.toContain('aadhaarHash');
    expect(JSON.stringify(rows)).not.toMatch(/[0-9a-f]{64}/);
    expect(JSON.stringify(rows)).not.toContain(AADHAAR_FIXTURES.success);
    expect(JSON.stringify(rows)).not.toContain('PidData');
  });

  it('shows the masked mobile when Eko answers in the seed shape', async () => {
    sandbox.state.shape = 'seed';
    expect((await (await ekyc('9000000002', AADHAAR_FIXTURES.success)).json()).maskedMobile).toBe('XXXXXX0002');
  });

  it.each([
    [AADHAAR_FIXTURES.verificationFailed, 'ekyc_verification_failed', /K-100/],
    [AADHAAR_FIXTURES.bankRelationship, 'ekyc_bank_relationship', /relationship with the partner bank/],
  ])('Aadhaar %s → %s', async (aadhaar, code, message) => {
    const res = await ekyc('9000000002', aadhaar);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(message);
  });

  it('a capture made with the wrong wadh (or reused) fails verification, as the real service does', async () => {
    expect((await (await ekyc('9000000002', AADHAAR_FIXTURES.success, pid(''))).json()).error.code).toBe('ekyc_verification_failed');
    expect((await (await ekyc('9000000002', AADHAAR_FIXTURES.success, pid(null))).json()).error.code).toBe('ekyc_verification_failed');
    const once = pid();
    expect((await ekyc('9000000002', AADHAAR_FIXTURES.success, once)).status).toBe(200);
    sandbox.reset();
    sandbox.state.usedPidNonces.add(/"nonce":"([^"]+)"/.exec(Buffer.from(/<Data type="X">([^<]+)</.exec(once)![1]!, 'base64').toString())![1]!);
    expect((await (await ekyc('9000000002', AADHAAR_FIXTURES.success, once)).json()).error.code).toBe('ekyc_verification_failed');
  });

  it('already verified and not enrolled senders get their own answers', async () => {
    expect((await (await ekyc('9000000001', AADHAAR_FIXTURES.success)).json()).error.code).toBe('ekyc_already_verified');
    expect((await (await ekyc('9000000005', AADHAAR_FIXTURES.success)).json()).error.code).toBe('sender_not_enrolled');
  });

  it('wrong OTP (302) can be retried; expired OTP (303) needs a new capture', async () => {
    const refs = await (await ekyc('9000000002', AADHAAR_FIXTURES.success)).json();
    const wrong = await otp('9000000002', refs, '111111');
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).error.code).toBe('otp_wrong');
    expect((await (await otp('9000000002', refs, OTP_EXPIRED)).json()).error.code).toBe('otp_expired');
    expect((await (await otp('9000000002', refs, SANDBOX_OTP)).json()).error.code).toBe('otp_expired');
  });

  it('refuses bad input by field, before anything reaches Eko', async () => {
    const cases: [unknown, string[]][] = [
      [{ aadhaar: '999999990019', piddata: pid(), consent: true }, ['aadhaar']], // plain number: not transport-encrypted
      [{ aadhaar: await seal(AADHAAR_FIXTURES.success), piddata: '<html/>', consent: true }, ['piddata']],
      [{ aadhaar: await seal(AADHAAR_FIXTURES.success), piddata: pid(), consent: false }, ['consent']],
      [{}, ['aadhaar', 'consent', 'piddata']],
    ];
    for (const [body, fields] of cases) {
      const res = await post(submitEkyc, '/api/senders/9000000002/ekyc', '9000000002', body);
      expect(res.status).toBe(400);
      expect(Object.keys((await res.json()).error.fields).sort()).toEqual(fields);
    }
    const invalidNumber = await ekyc('9000000002', '123456789012');
    expect(invalidNumber.status).toBe(400);
    expect((await invalidNumber.json()).error.fields.aadhaar).toMatch(/not a valid Aadhaar/);
    expect(sandbox.state.calls).toHaveLength(0);
  });

  it('a page holding an old transport key is told to reload', async () => {
    const sealed = await seal(AADHAAR_FIXTURES.success);
    const res = await post(submitEkyc, '/api/senders/9000000002/ekyc', '9000000002', { aadhaar: `oldkid.${sealed.split('.')[1]}`, piddata: pid(), consent: true });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('aadhaar_key_changed');
  });

  // Faults on Sender eKYC and OTP validation (never retried): app/api/eko-faults.test.ts.
});
