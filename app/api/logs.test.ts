import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sealForTests } from '@/test/seal';

import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/handler';
import { SANDBOX_CREDENTIALS } from '@/lib/config/schema';
import { cookieFor, createTestUser, useTestDatabase } from '@/test/db';

import { EKYC_WADH } from '@/lib/rd/pid-options';
import { findSensitive } from '@/scripts/scan-sensitive';
import { AADHAAR_FIXTURES, SANDBOX_OTP } from '@/sandbox/eko/fixtures';
import type { EkoSandbox } from '@/sandbox/eko/server';
import { useEkoSandbox } from '@/sandbox/eko/test-helpers';
import { syntheticPidData } from '@/sandbox/rd/pid';
import { GET as activity } from './admin/activity/route';
import { POST as aepsSendOtp } from './aeps/ekyc/otp/route';
import { POST as aepsVerifyOtp } from './aeps/ekyc/otp/verify/route';
import { POST as login } from './auth/login/route';
import { GET as unknownApi } from './[...path]/route';
import { POST as senderEkycOtp } from './senders/[mobile]/ekyc/otp/route';
import { POST as senderEkyc } from './senders/[mobile]/ekyc/route';
import { GET as lookup } from './senders/[mobile]/route';
import { forget } from '@/lib/process-state';
import { captureLogs } from '@/test/log';

// The log proof: real route handlers driven with real secrets (an Aadhaar number, PID XML, OTPs, a
// password, the session cookie, the Eko keys on the wire) while the logger's output is captured.
// Not one of those values may appear in it; every request id and status must.

useTestDatabase();
const eko = useEkoSandbox();
let sandbox: EkoSandbox;
let capture: ReturnType<typeof captureLogs>;

const PASSWORD = 'Correct-Horse-Battery-42';
const AADHAAR = AADHAAR_FIXTURES.success; // 999999990019
const LATLONG = '28.613900,77.209000';

beforeAll(() => forget('transportKey'));
beforeEach(() => {
  sandbox = eko.sandbox();
  capture = captureLogs('debug');
});
afterAll(() => capture?.stop());

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;
const call = (handler: Handler, path: string, init: RequestInit & { params?: Record<string, string | string[]> } = {}) =>
  handler(new Request(`http://localhost${path}`, { ...init, headers: { origin: 'http://localhost', ...init.headers } }), {
    params: Promise.resolve(init.params ?? {}),
  });
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const pid = (wadh: string | null) => syntheticPidData({ wadh, qScore: 80, nmPoints: 40, fType: '2' });

describe('request logs', () => {
  it('carry request ids, statuses and Eko call facts, and none of the secrets that passed through', async () => {
    const agent = await createTestUser('agent', { password: PASSWORD });
    const admin = await createTestUser('admin');
    const cookie = await cookieFor(agent);
    const sessionToken = cookie.split('=')[1]!;
    const sealed = await sealForTests(AADHAAR, { purpose: 'sender_ekyc', mobile: '9000000002' }, agent);
    const sealedForAeps = await sealForTests(AADHAAR, { purpose: 'aeps_ekyc' }, agent);
    const piddata = pid(EKYC_WADH);
    const proxyId = '3f2c1a9e-5b7d-4c1e-8a2f-0d9e8b7c6a51';
    const responses: Response[] = [];
    const send = async (p: Promise<Response>) => {
      const res = await p;
      responses.push(res);
      return res;
    };

    // Login: right and wrong password, once with a proxy's request id, once with a forged one.
    const loggedIn = await send(call(login, '/api/auth/login', json({ mobile: agent.mobile, password: PASSWORD }, { 'x-request-id': proxyId })));
    expect(loggedIn.status).toBe(200);
    const issuedToken = /ad_session=([^;]+)/.exec(loggedIn.headers.get('set-cookie') ?? '')![1]!;
    const forged = await send(
      call(login, '/api/auth/login', json({ mobile: agent.mobile, password: `${PASSWORD}x` }, { 'x-request-id': `${AADHAAR}","level":"fatal` })),
    );
    expect(forged.status).toBe(401);

    // Sender eKYC with the sealed Aadhaar and a PID block, then the OTP; a plain Aadhaar refused.
    const agentInit = (body: unknown) => json(body, { cookie });
    expect((await send(call(lookup, '/api/senders/9000000002', { headers: { cookie }, params: { mobile: '9000000002' } }))).status).toBe(200);
    const started = await send(
      call(senderEkyc, '/api/senders/9000000002/ekyc', { ...agentInit({ aadhaar: sealed, piddata, consent: true }), params: { mobile: '9000000002' } }),
    );
    expect(started.status).toBe(200);
    const refs = await started.clone().json();
    expect(
      (await send(call(senderEkycOtp, '/api/senders/9000000002/ekyc/otp', { ...agentInit({ otp: SANDBOX_OTP, ...refs }), params: { mobile: '9000000002' } })))
        .status,
    ).toBe(200);
    expect(
      (
        await send(
          call(senderEkyc, '/api/senders/9000000008/ekyc', { ...agentInit({ aadhaar: AADHAAR, piddata, consent: true }), params: { mobile: '9000000008' } }),
        )
      ).status,
    ).toBe(400);

    // AePS: the agent's own Aadhaar and OTP.
    const sent = await send(call(aepsSendOtp, '/api/aeps/ekyc/otp', agentInit({ aadhaar: sealedForAeps, latlong: LATLONG })));
    expect(sent.status).toBe(200);
    const aepsRefs = await sent.clone().json();
    expect(
      (await send(call(aepsVerifyOtp, '/api/aeps/ekyc/otp/verify', agentInit({ aadhaar: sealedForAeps, latlong: LATLONG, otp: SANDBOX_OTP, ...aepsRefs }))))
        .status,
    ).toBe(200);
    // A seal refused for its binding (a sender's seal replayed at the agent's AePS eKYC).
    expect((await send(call(aepsSendOtp, '/api/aeps/ekyc/otp', agentInit({ aadhaar: sealed, latlong: LATLONG })))).status).toBe(422);

    // An Aadhaar typed into the mobile box, secrets in a query string, an unknown path.
    expect((await send(call(lookup, `/api/senders/${AADHAAR}`, { headers: { cookie }, params: { mobile: AADHAAR } }))).status).toBe(400);
    const adminCookie = await cookieFor(admin);
    expect((await send(call(activity, `/api/admin/activity?otp=${SANDBOX_OTP}&aadhaar=${AADHAAR}`, { headers: { cookie: adminCookie } }))).status).toBe(200);
    expect((await send(call(unknownApi, `/api/${AADHAAR}/${PASSWORD}?password=${PASSWORD}`, { params: { path: [AADHAAR, PASSWORD] } }))).status).toBe(404);

    const text = capture.text();
    const lines = capture.lines();

    // None of the secrets.
    expect(findSensitive(text)).toEqual([]);
    for (const secret of [
      AADHAAR,
      SANDBOX_OTP,
      PASSWORD,
      sessionToken,
      issuedToken,
      sealed.split('.')[1]!.slice(0, 40),
      SANDBOX_CREDENTIALS.developerKey,
      SANDBOX_CREDENTIALS.accessKey,
      'ad_session=',
      '"level":"fatal"',
    ]) {
      expect(text, `log output must not contain ${secret.slice(0, 6)}…`).not.toContain(secret);
    }

    // Every response: an id, and exactly one request line with that id and its status.
    const requestLines = lines.filter((l) => l.msg === 'request');
    expect(requestLines).toHaveLength(responses.length);
    for (const res of responses) {
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{32,36}$/);
      expect(requestLines.filter((l) => l.reqId === id)).toEqual([
        expect.objectContaining({
          level: 'info',
          method: expect.any(String),
          path: expect.stringMatching(/^\/api\//),
          status: res.status,
          ms: expect.any(Number),
        }),
      ]);
    }
    expect(loggedIn.headers.get('x-request-id')).toBe(proxyId);
    expect(forged.headers.get('x-request-id')).not.toContain(AADHAAR);

    // Paths keep mobiles and route words; anything else is a placeholder.
    const paths = requestLines.map((l) => l.path);
    expect(paths).toContain('/api/senders/9000000002/ekyc/otp');
    expect(paths).toContain('/api/senders/:param');
    expect(paths).toContain('/api/:param/:param');
    expect(paths).toContain('/api/admin/activity');
    expect(requestLines.find((l) => l.path === '/api/senders/9000000002')).toMatchObject({ userId: agent.id, status: 200 });

    // Eko calls: action, status, latency and the client_ref_id Eko saw, under the request's id.
    const ekoLines = lines.filter((l) => l.msg === 'eko call');
    expect(ekoLines.map((l) => l.action)).toEqual(['sender.lookup', 'sender.ekyc', 'sender.ekyc_otp', 'aeps.ekyc_send_otp', 'aeps.ekyc_verify_otp']);
    const refIds = sandbox.state.calls.map((c) => c.clientRefId);
    for (const l of ekoLines) {
      expect(l).toMatchObject({ httpStatus: 200, ekoStatus: expect.any(Number), latencyMs: expect.any(Number), outcome: 'ok' });
      expect(refIds).toContain(l.clientRefId);
      expect(requestLines.some((r) => r.reqId === l.reqId)).toBe(true);
    }
  });

  it('logs an unexpected failure by error name and request id only, never its message', async () => {
    const leaky = route({
      access: 'public',
      handler: async () => {
        throw new TypeError(`cannot read ${AADHAAR} with otp ${SANDBOX_OTP}`);
      },
    });
    const res = await call(leaky, '/api/leaky');
    expect(res.status).toBe(500);
    expect((await res.json()).error.code).toBe('internal');
    const id = res.headers.get('x-request-id');
    expect(capture.lines()).toEqual([
      expect.objectContaining({ level: 'error', reqId: id, err: 'TypeError', msg: 'unexpected error' }),
      expect.objectContaining({ level: 'info', reqId: id, status: 500, msg: 'request' }),
    ]);
    expect(capture.text()).not.toContain(AADHAAR);
    expect(capture.text()).not.toContain(SANDBOX_OTP);
  });

  it('sets the request id on error answers built from ApiError too', async () => {
    const res = await call(
      route({
        access: 'public',
        handler: async () => {
          throw new ApiError('rate_limited', { vars: { minutes: 1 }, headers: { 'retry-after': '60' } });
        },
      }),
      '/api/limited',
    );
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
