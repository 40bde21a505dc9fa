import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_AADHAAR_PUBLIC_KEY } from '@/lib/config/schema';
import { auditEvents } from '@/lib/db/schema';
import { hi } from '@/lib/i18n/hi';
import { cookieFor, createTestUser, useTestDatabase } from '@/test/db';
import type { EkoSandbox } from '@/sandbox/eko/server';
import { useEkoSandbox } from '@/sandbox/eko/test-helpers';
import { GET, POST } from './route';
import { forget } from '@/lib/process-state';

// The sender route handlers, called as Next calls them, with Eko = the sandbox over HTTP.

let sandbox: EkoSandbox;
let cookie = '';
const database = useTestDatabase();
const eko = useEkoSandbox();

beforeEach(async () => {
  sandbox = eko.sandbox();
  cookie = await cookieFor(await createTestUser('agent', { ekoUserCode: '20810299' }));
});

const ctx = (mobile: string) => ({ params: Promise.resolve({ mobile }) });
const get = (mobile: string, asCookie = cookie) => GET(new Request(`http://localhost/api/senders/${mobile}`, { headers: { cookie: asCookie } }), ctx(mobile));
const post = (mobile: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  POST(
    new Request(`http://localhost/api/senders/${mobile}`, {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    ctx(mobile),
  );

describe('access', () => {
  it('refuses anonymous callers with 401 and admins with 403, before calling Eko', async () => {
    expect((await get('9000000001', '')).status).toBe(401);
    expect((await get('9000000001', 'ad_session=forged.token.value')).status).toBe(401);
    expect((await get('9000000001', await cookieFor(await createTestUser('admin')))).status).toBe(403);
    expect(sandbox.state.calls).toHaveLength(0);
  });

  it('calls Eko with the signed-in agent’s user_code and records the call', async () => {
    await get('9000000002');
    const [row] = await database.db().select().from(auditEvents);
    expect(row).toMatchObject({ action: 'sender.lookup', senderMobile: '9000000002', outcome: 'ok', detail: 'not_kyc', ekoStatus: 0, ekoResponseTypeId: 309 });
    expect(row!.clientRefId).toBe(sandbox.state.calls[0]!.clientRefId);
  });
});

const enrolment = {
  name: 'Sita Ram',
  dob: '1990-05-17',
  address: { line: '12 Gandhi Road', area: 'Shivaji Nagar', city: 'Pune', district: 'Pune', state: 'Maharashtra', pincode: '411005' },
};

describe('GET /api/senders/:mobile', () => {
  it('returns the normalised sender', async () => {
    const res = await get('9000000002');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      sender: {
        mobile: '9000000002',
        state: 'not_kyc',
        name: 'Ramesh Kumar',
        limits: { monthly: 5000, used: 1200, available: 3800, monthlyAfterEkyc: 25000 },
        pendingStep: null,
      },
    });
  });

  it('speaks the agent’s language (the ad_lang cookie)', async () => {
    const res = await get('12345', `${cookie}; ad_lang=hi`);
    expect((await res.json()).error.fields.mobile).toBe(hi['validation.mobile']);
  });

  it.each(['12345', '5000000000', '90000000011', 'abcdefghij', '%20'])('refuses mobile %s with 400 naming the field', async (m) => {
    const res = await get(m);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.fields.mobile).toMatch(/10-digit mobile/);
    expect(sandbox.state.calls).toHaveLength(0);
  });

  it.each([
    ['9000000090', 504, 'upstream_timeout'],
    ['9000000091', 502, 'upstream_unavailable'],
    ['9000000092', 502, 'upstream_bad_response'],
    ['9000000093', 502, 'upstream_bad_response'],
    ['9000000094', 502, 'upstream_rejected'],
    ['9000000096', 502, 'upstream_bad_response'],
  ])('maps fault fixture %s to %i %s', async (mobile, status, code) => {
    const res = await get(mobile);
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(20);
    expect(JSON.stringify(body)).not.toMatch(/html|stack|Error:/i);
  });
});

describe('POST /api/senders/:mobile', () => {
  it('onboards a not-enrolled sender once; the lookup then shows them', async () => {
    const res = await post('9000000006', enrolment);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ outcome: 'wallet_opened' });
    expect(sandbox.state.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    const card = await (await get('9000000006')).json();
    expect(card.sender).toMatchObject({ state: 'not_kyc', name: 'Sita Ram', limits: { monthly: 5000 } });
  });

  it('names an impossible date of birth', async () => {
    const res = await post('9000000005', { ...enrolment, dob: '1990-02-30' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toEqual({ dob: expect.stringMatching(/real date/) });
  });

  it('names each missing address part', async () => {
    const { city: _c, pincode: _p, ...address } = enrolment.address;
    const res = await post('9000000005', { ...enrolment, address });
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).error.fields).sort()).toEqual(['address.city', 'address.pincode']);
    expect(sandbox.state.calls).toHaveLength(0);
  });

  it('refuses malformed bodies with 4xx and the error shape', async () => {
    const cases: [unknown, Record<string, string> | undefined, number, string][] = [
      ['{"name":', undefined, 400, 'invalid_json'],
      ['<xml/>', undefined, 400, 'invalid_json'],
      [enrolment, { 'content-type': 'text/plain' }, 415, 'unsupported_media_type'],
      [JSON.stringify({ ...enrolment, name: 'x'.repeat(40_000) }), undefined, 413, 'payload_too_large'],
      ['[]', undefined, 400, 'invalid_input'],
      ['null', undefined, 400, 'invalid_input'],
      [{ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }, undefined, 400, 'invalid_input'],
    ];
    for (const [body, headers, status, code] of cases) {
      const res = await post('9000000005', body, headers);
      expect(res.status, code).toBe(status);
      expect((await res.json()).error.code).toBe(code);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(sandbox.state.calls).toHaveLength(0);
  });

  // Faults on onboarding (never retried): app/api/eko-faults.test.ts, with every other write.
});

describe('pointed at an Eko-compatible server with EKO_BASE_URL (not sandbox mode)', () => {
  const credentials = { developerKey: 'partner-dev-key-0001', accessKey: 'partner-access-key-0001', initiatorId: '9123456780' };
  let partner: EkoSandbox;
  let baseUrl: string;
  // The PostgreSQL pass runs in sandbox mode with SANDBOX=1, which is refused next to EKO_BASE_URL.
  const sandboxFlag = process.env.SANDBOX;

  beforeAll(async () => {
    const { createEkoSandbox } = await import('@/sandbox/eko/server');
    partner = createEkoSandbox({ credentials });
    baseUrl = await partner.listen(0);
  });
  afterAll(async () => {
    await partner.close();
    for (const k of ['EKO_BASE_URL', 'EKO_DEVELOPER_KEY', 'EKO_ACCESS_KEY', 'EKO_INITIATOR_ID', 'EKO_AADHAAR_PUBLIC_KEY']) delete process.env[k];
    if (sandboxFlag !== undefined) process.env.SANDBOX = sandboxFlag;
    await forget('config');
  });

  const useServer = async (accessKey: string) => {
    Object.assign(process.env, {
      EKO_BASE_URL: baseUrl,
      EKO_DEVELOPER_KEY: credentials.developerKey,
      EKO_ACCESS_KEY: accessKey,
      EKO_INITIATOR_ID: credentials.initiatorId,
      EKO_AADHAAR_PUBLIC_KEY: SANDBOX_AADHAAR_PUBLIC_KEY,
    });
    delete process.env.SANDBOX;
    await forget('config');
  };

  it('signs with the configured credentials and shows both shapes the same', async () => {
    await useServer(credentials.accessKey);
    const current = await (await get('9000000001')).json();
    partner.state.shape = 'seed';
    const seed = await (await get('9000000001')).json();
    partner.state.shape = 'current';
    expect(current.sender).toMatchObject({ state: 'kyc_verified', limits: { available: 17500 } });
    expect(seed).toEqual(current);
    expect(partner.state.calls.every((c) => c.httpStatus === 200)).toBe(true);
  });

  it('a wrong access key is a 403 upstream, reported as a refusal', async () => {
    await useServer('not-the-right-access-key');
    const res = await get('9000000001');
    expect(res.status).toBe(502);
    expect((await res.json()).error.code).toBe('upstream_rejected');
  });
});
