import { beforeEach, describe, expect, it } from 'vitest';
import { deviceErrors, type User } from '@/lib/db/schema';
import { cookieFor, createTestUser, useTestDatabase } from '@/test/db';
import { deviceErrorsByCode } from '@/lib/db/queries/metrics';
import { RATE_RULES } from '@/lib/rate-limit';
import { POST } from './route';

// The device-error telemetry through its route handler and a real database: what a browser (or
// anyone holding an agent's session) posts must not leave an Aadhaar number in the table, and
// one agent cannot write rows without end.

const database = useTestDatabase();
let agent: User;
beforeEach(async () => {
  agent = await createTestUser('agent');
});

async function report(body: unknown, as: User = agent) {
  return POST(
    new Request('http://localhost/api/telemetry/device-errors', {
      method: 'POST',
      headers: { cookie: await cookieFor(as), 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
}

const rows = () => database.db().select().from(deviceErrors);
/** Six or more digits in a row, whatever separates them: an Aadhaar number, a VID, a mobile. */
const LONG_NUMBER = /\d(?:[^A-Za-z\d]*\d){5,}/;

describe('what a report leaves in the database', () => {
  it('an Aadhaar number in errInfo or deviceModel, whole or split, is never stored', async () => {
    const shapes = ['999999990019', '9999 9999 0019', '9999-9999-0019', '9999.9999.0019', '9999_9999_0019', '९९९९९९९९००१९', '９９９９９９９９００１９'];
    for (const aadhaar of shapes) {
      const res = await report({ errCode: '720', stage: 'sender.ekyc', errInfo: `Device not ready for ${aadhaar}`, deviceModel: `MFS110 ${aadhaar}` });
      expect(res.status, aadhaar).toBe(202);
    }
    // The model alone, and the number alone, as the model.
    expect((await report({ errCode: '700', deviceModel: '999999990019' })).status).toBe(202);
    expect((await report({ errCode: '700', deviceModel: 'MSO 1300 E3' })).status).toBe(202);

    const stored = await rows();
    expect(stored).toHaveLength(shapes.length + 2);
    for (const row of stored) {
      const text = JSON.stringify({ ...row, at: null, userId: null });
      expect(text).not.toMatch(LONG_NUMBER);
      expect(text).not.toContain('0019');
    }
    // What is kept: our code, our message for it (never the device's text), the stage, the model.
    expect(stored[0]).toMatchObject({ userId: agent.id, errCode: '720', errInfo: 'rd.error.not_ready', stage: 'sender.ekyc', deviceModel: 'MFS110' });
    expect(stored.at(-2)).toMatchObject({ errCode: '700', errInfo: 'rd.error.700', deviceModel: null });
    expect(stored.at(-1)).toMatchObject({ deviceModel: 'MSO 1300 E3' });
  });

  it('refuses a code that is not in our RD table, naming the field', async () => {
    for (const errCode of ['999999990019', '9999 9999 0019', '123456', 'aadhaar_999999990019', 'anything_goes', '<PidData/>']) {
      const res = await report({ errCode });
      expect(res.status, errCode).toBe(400);
      expect((await res.json()).error.fields).toHaveProperty('errCode');
    }
    for (const errCode of ['0', '-1307', '710', '99999', 'not_found', 'poor_quality', 'lna_denied'])
      expect((await report({ errCode })).status, errCode).toBe(202);
    expect(await rows()).toHaveLength(7);
  });

  it('the admin view reads codes with our message for each', async () => {
    await report({ errCode: '730' });
    await report({ errCode: '730' }, await createTestUser('agent'));
    await report({ errCode: 'in_use' });
    expect(await deviceErrorsByCode(database.db(), 7)).toEqual([
      { errCode: '730', total: 2, agents: 2 },
      { errCode: 'in_use', total: 1, agents: 1 },
    ]);
  });
});

describe('the cap on what one agent can report', () => {
  it(`accepts ${RATE_RULES.deviceErrorsPerAgent.points} reports an hour from one agent, then answers 429 and stores nothing more`, async () => {
    const cap = RATE_RULES.deviceErrorsPerAgent.points;
    for (let i = 1; i <= cap; i++) {
      const res = await report({ errCode: '720', stage: 'sender.ekyc' });
      expect(res.status).toBe(202);
      expect(res.headers.get('x-ratelimit-remaining')).toBe(String(cap - i));
    }
    const refused = await report({ errCode: '720', stage: 'sender.ekyc' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(refused.headers.get('x-ratelimit-limit')).toBe(String(cap));
    expect(await rows()).toHaveLength(cap);
    // Another agent's scanner still reports.
    expect((await report({ errCode: '720' }, await createTestUser('agent'))).status).toBe(202);
  });
});
