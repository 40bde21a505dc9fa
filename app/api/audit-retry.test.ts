import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sealForTests } from '@/test/seal';

import { findUserById } from '@/lib/db/queries/users';
import { auditEvents } from '@/lib/db/schema';
import { cookieFor, createTestUser, useTestDatabase } from '@/test/db';

import { EKYC_WADH } from '@/lib/rd/pid-options';
import { todayInIndia } from '@/lib/schemas/sender';
import { SANDBOX_OTP } from '@/sandbox/eko/fixtures';
import { useEkoSandbox } from '@/sandbox/eko/test-helpers';
import { syntheticPidData } from '@/sandbox/rd/pid';
import { POST as biometric } from './aeps/ekyc/biometric/route';
import { POST as sendOtp } from './aeps/ekyc/otp/route';
import { POST as verifyOtp } from './aeps/ekyc/otp/verify/route';
import { GET as lookup } from './senders/[mobile]/route';
import { forget } from '@/lib/process-state';
import { captureLogs } from '@/test/log';

// Security round 2, item 6: once Eko has answered, the audit row is retried when the database
// fails, and if it still cannot be written, one error line holds everything needed to replay it.
// The database is made to fail mid-flow by a trigger that refuses the next N inserts.

const database = useTestDatabase();
useEkoSandbox();

async function failNextInserts(table: 'audit_events' | 'users', n: number, op: 'INSERT' | 'UPDATE' = 'INSERT') {
  const db = database.db();
  // A sequence, because the failing statement rolls back everything else it did.
  await db.execute(sql.raw(`drop sequence if exists test_failures`));
  await db.execute(sql.raw(`create sequence test_failures`));
  await db.execute(
    sql.raw(`create or replace function test_fail_write() returns trigger language plpgsql as $$
      begin
        if nextval('test_failures') <= ${n} then
          raise exception 'injected failure';
        end if;
        return new;
      end $$`),
  );
  await db.execute(sql.raw(`drop trigger if exists test_fail_write on ${table}`));
  await db.execute(sql.raw(`create trigger test_fail_write before ${op} on ${table} for each row execute function test_fail_write()`));
}

afterEach(async () => {
  const db = database.db();
  for (const table of ['audit_events', 'users']) await db.execute(sql.raw(`drop trigger if exists test_fail_write on ${table}`));
  await db.execute(sql.raw(`drop sequence if exists test_failures`));
});

let cookie = '';
let agentId = '';
beforeAll(() => forget('transportKey'));
beforeEach(async () => {
  const agent = await createTestUser('agent');
  agentId = agent.id;
  cookie = await cookieFor(agent);
});
const get = (mobile: string) => lookup(new Request(`http://localhost/api/senders/${mobile}`, { headers: { cookie } }), { params: Promise.resolve({ mobile }) });

describe('an audit row after Eko has answered', () => {
  it('is retried when the database fails for a moment', async () => {
    await failNextInserts('audit_events', 2);
    const res = await get('9000000001');
    expect(res.status).toBe(200);
    const rows = await database.db().select().from(auditEvents).where(eq(auditEvents.action, 'sender.lookup'));
    expect(rows).toEqual([expect.objectContaining({ userId: agentId, senderMobile: '9000000001', outcome: 'ok', detail: 'kyc_verified' })]);
  });

  it('when it cannot be written at all, the agent still gets Eko’s answer and one log line can replay it', async () => {
    await failNextInserts('audit_events', 100);
    const capture = captureLogs('info');
    try {
      const res = await get('9000000001');
      expect(res.status).toBe(200);
      expect((await res.json()).sender.name).toBe('Asha Verma');
      const lost = capture.lines().filter((l) => l.msg === 'audit row not recorded');
      expect(lost).toHaveLength(1);
      expect(lost[0]).toMatchObject({
        level: 'error',
        attempts: 4,
        replay: {
          userId: agentId,
          action: 'sender.lookup',
          senderMobile: '9000000001',
          outcome: 'ok',
          detail: 'kyc_verified',
          clientRefId: expect.stringMatching(/^AD[A-Z0-9]{18}$/),
        },
      });
      expect(typeof (lost[0]!.replay as { at: string }).at).toBe('string');
    } finally {
      capture.stop();
    }
    expect(await database.db().select().from(auditEvents)).toEqual([]);
  });
});

describe('the AePS eKYC date after Eko said yes', () => {
  const post = async (handler: typeof sendOtp, body: unknown) => {
    const res = await handler(
      new Request('http://localhost/api/aeps/x', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', origin: 'http://localhost' },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({}) },
    );
    return { status: res.status, body: await res.json() };
  };
  async function upToTheFingerprint() {
    const id = { aadhaar: await sealForTests('999999990019', { purpose: 'aeps_ekyc' }, { id: agentId }), latlong: '28.613900,77.209000' };
    const sent = await post(sendOtp, id);
    const verified = await post(verifyOtp, { ...id, otp: SANDBOX_OTP, otpRefId: sent.body.otpRefId, referenceTid: sent.body.referenceTid });
    return { ...id, ...verified.body, piddata: syntheticPidData({ wadh: EKYC_WADH, qScore: 80, nmPoints: 40, fType: '2' }), bankCode: 'SBIN' };
  }

  it('is retried when the database fails for a moment', async () => {
    const last = await upToTheFingerprint();
    await failNextInserts('users', 2, 'UPDATE');
    expect(await post(biometric, last)).toEqual({ status: 200, body: { ekycCompletedOn: todayInIndia() } });
    expect((await findUserById(database.db(), agentId))?.aepsEkycCompletedOn).toBe(todayInIndia());
  });

  it('when it cannot be written, the agent is still told it is done, and one log line can replay it', async () => {
    const last = await upToTheFingerprint();
    await failNextInserts('users', 100, 'UPDATE');
    const capture = captureLogs('info');
    try {
      expect(await post(biometric, last)).toEqual({ status: 200, body: { ekycCompletedOn: todayInIndia() } });
      const lost = capture.lines().filter((l) => l.msg === 'aeps milestone not recorded');
      expect(lost).toEqual([expect.objectContaining({ level: 'error', attempts: 4, replay: { userId: agentId, milestone: 'ekyc', day: todayInIndia() } })]);
    } finally {
      capture.stop();
    }
    // The Eko call's own audit row was written all the same.
    expect((await database.db().select().from(auditEvents).where(eq(auditEvents.action, 'aeps.ekyc_biometric'))).map((r) => r.outcome)).toEqual(['ok']);
  });
});
