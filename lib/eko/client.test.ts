import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EkoConfig } from '@/lib/config/schema';
import { startTestSandbox } from '@/sandbox/eko/test-helpers';
import type { EkoSandbox } from '@/sandbox/eko/server';
import { callEko, newClientRefId } from './client';
import { ekoEndpoints } from './endpoints';

// The Eko client against the Eko sandbox over real HTTP.

let sandbox: EkoSandbox;
let config: EkoConfig;
const userCode = '20810200';

beforeAll(async () => ({ sandbox, config } = await startTestSandbox()));
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const getSender = (mobile: string, cfg = config) => callEko(ekoEndpoints.getSender, { path: { customerId: mobile }, body: {}, userCode }, cfg);

const onboard = (mobile: string, overrides: Record<string, string> = {}) =>
  callEko(
    ekoEndpoints.onboardSender,
    {
      path: { customerId: mobile },
      body: {
        name: 'Sita Ram',
        dob: '1990-05-17',
        residence_address: JSON.stringify({ line: '12 MG Road', city: 'Pune', state: 'Maharashtra', pincode: '411005', district: 'Pune', area: 'Camp' }),
        ...overrides,
      },
      userCode,
    },
    config,
  );

describe('callEko against the sandbox', () => {
  it('signs requests the sandbox accepts and normalises each sender state', async () => {
    const states = await Promise.all(['9000000001', '9000000002', '9000000003', '9000000004', '9000000005'].map((m) => getSender(m)));
    expect(states.map((r) => (r.ok ? r.value.state : r.failure.kind))).toEqual(['kyc_verified', 'not_kyc', 'kyc_pending', 'kyc_pending', 'not_enrolled']);
    expect(states[0]!.meta).toMatchObject({ action: 'sender.lookup', attempts: 1, httpStatus: 200, status: 0, responseTypeId: 309 });
  });

  it('shows the same sender the same way in the seed shapes', async () => {
    const current = await getSender('9000000001');
    sandbox.state.shape = 'seed';
    const seed = await getSender('9000000001');
    expect(seed.ok && seed.meta.responseTypeId).toBe(1388);
    expect(seed.ok && seed.value).toEqual(current.ok && current.value);
  });

  it('gets a 403 (upstream forbidden) with the wrong access key', async () => {
    const r = await getSender('9000000001', { ...config, accessKey: 'wrong-access-key' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.failure).toEqual({ kind: 'upstream', cause: 'forbidden', httpStatus: 403 });
  });

  it('turns every fault fixture into a typed upstream failure', async () => {
    const causes = await Promise.all(
      ['9000000090', '9000000091', '9000000092', '9000000093', '9000000094', '9000000096'].map(async (m) => {
        const r = await getSender(m);
        return r.ok ? 'ok' : r.failure.kind === 'upstream' ? r.failure.cause : 'business';
      }),
    );
    expect(causes).toEqual(['timeout', 'server_error', 'not_json', 'not_json', 'forbidden', 'bad_envelope']);
  });

  it('retries an idempotent read once on a 502, and never an onboarding', async () => {
    const read = await getSender('9000000091');
    expect(read.meta.attempts).toBe(2);
    const write = await onboard('9000000091');
    expect(write.meta.attempts).toBe(1);
    const calls = sandbox.state.calls.filter((c) => c.customerId === '9000000091');
    expect(calls.map((c) => c.method)).toEqual(['GET', 'GET', 'POST']);
  });

  it('waits for a slow but correct answer within the timeout, and times out below it', async () => {
    const slow = await getSender('9000000095', { ...config, timeoutMs: 5_000 });
    expect(slow.ok && slow.value.state).toBe('not_enrolled');
    expect(slow.meta.latencyMs).toBeGreaterThanOrEqual(1_900);
    const tooSlow = await getSender('9000000095', { ...config, timeoutMs: 1_000 });
    expect(!tooSlow.ok && tooSlow.failure).toMatchObject({ kind: 'upstream', cause: 'timeout' });
  });

  it('does not retry a timeout (the agent decides)', async () => {
    const r = await getSender('9000000090');
    expect(r.meta.attempts).toBe(1);
  });

  it('onboards, and the next lookup reflects it', async () => {
    const first = await onboard('9000000005');
    expect(first.ok && first.value).toBe('ekyc_required');
    const after = await getSender('9000000005');
    expect(after.ok && after.value.state).toBe('kyc_pending');

    const wallet = await onboard('9000000006');
    expect(wallet.ok && wallet.value).toBe('wallet_opened');
    const card = await getSender('9000000006');
    expect(card.ok && card.value).toMatchObject({ state: 'not_kyc', limits: { monthly: 5000, used: 0, available: 5000, monthlyAfterEkyc: 25000 } });

    const again = await onboard('9000000006');
    expect(again.ok && again.value).toBe('already_enrolled');
    expect((await onboard('9000000001')).ok && 'already_kyc').toBe('already_kyc');
  });

  it('returns Eko validation errors under our field names', async () => {
    const r = await onboard('9000000005', { residence_address: JSON.stringify({ line: 'x' }) });
    expect(!r.ok && r.failure).toMatchObject({ kind: 'business', invalidParams: { address: expect.stringContaining('missing') } });
    const name = await onboard('9000000005', { name: 'R2 D2' });
    expect(!r.ok && name.ok === false && name.failure).toMatchObject({ kind: 'business', status: 132, invalidParams: { name: expect.any(String) } });
  });

  it('sends initiator_id, user_code and a unique client_ref_id of at most 20 characters', async () => {
    await getSender('9000000001');
    await onboard('9000000005');
    const [get, post] = sandbox.state.calls;
    expect(get!.clientRefId).toMatch(/^[A-Z0-9]{1,20}$/);
    expect(post!.clientRefId).toMatch(/^[A-Z0-9]{1,20}$/);
    expect(get!.clientRefId).not.toBe(post!.clientRefId);
    const ids = new Set(Array.from({ length: 1000 }, newClientRefId));
    expect(ids.size).toBe(1000);
  });

  it('reports an unreachable Eko as a network failure after one retry', async () => {
    const r = await getSender('9000000001', { ...config, baseUrl: 'http://127.0.0.1:9/ekoapi/v3' });
    expect(!r.ok && r.failure).toEqual({ kind: 'upstream', cause: 'network', httpStatus: null });
    expect(r.meta.attempts).toBe(2);
  });
});
