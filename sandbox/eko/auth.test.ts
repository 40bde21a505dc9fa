import { describe, expect, it } from 'vitest';
import { ekoAuthHeaders } from '../../lib/eko/sign';
import { authProblem } from './auth';

const creds = { developerKey: 'dev-key-1234', accessKey: 'test-access-key-123', initiatorId: '9962981729' };
const now = 1_700_000_000_000;
const signed = () => ekoAuthHeaders(creds, now);

describe('sandbox request authentication', () => {
  it('accepts a request the app signs', () => {
    expect(authProblem(signed(), creds, now)).toBeNull();
  });
  it('refuses a misspelt header name', () => {
    const { developer_key, ...rest } = signed();
    expect(authProblem({ ...rest, 'developer-key': developer_key }, creds, now)).toMatch(/developer_key/);
    const { 'secret-key': secret, ...rest2 } = signed();
    expect(authProblem({ ...rest2, secret_key: secret }, creds, now)).toMatch(/secret-key/);
  });
  it('refuses a seconds timestamp and a stale one', () => {
    expect(authProblem({ ...signed(), 'secret-key-timestamp': '1700000000' }, creds, now)).toMatch(/13-digit/);
    expect(authProblem(signed(), creds, now + 6 * 60 * 1000)).toMatch(/stale/);
  });
  it('refuses a signature made with the raw key, or for another timestamp', () => {
    expect(authProblem({ ...signed(), 'secret-key': '5HzGdUHM86E+ShsoDWgBrkUKmZErN9ZJmokPaaZyvBE=' }, creds, now)).toMatch(/signature/);
    expect(authProblem({ ...signed(), 'secret-key-timestamp': String(now + 1) }, creds, now)).toMatch(/signature/);
  });
  it('refuses another environment’s developer key', () => {
    expect(authProblem({ ...signed(), developer_key: 'other' }, creds, now)).toMatch(/developer_key/);
  });
});
