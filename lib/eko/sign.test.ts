import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ekoAuthHeaders, ekoTimestamp, requestHash, signSecretKey } from './sign';

describe('secret-key signing (docs/eko-api.md §4)', () => {
  it('matches the known-answer vector', () => {
    expect(Buffer.from('test-access-key-123').toString('base64')).toBe('dGVzdC1hY2Nlc3Mta2V5LTEyMw==');
    expect(signSecretKey('test-access-key-123', '1700000000000')).toBe('88lqTf9ew69XbVbeczjxVL8/B4vibfp1MvTi1mIj2Xo=');
  });

  it('does not equal the raw-key mistake', () => {
    const rawKeyMistake = createHmac('sha256', 'test-access-key-123').update('1700000000000').digest('base64');
    expect(rawKeyMistake).toBe('5HzGdUHM86E+ShsoDWgBrkUKmZErN9ZJmokPaaZyvBE=');
    expect(signSecretKey('test-access-key-123', '1700000000000')).not.toBe(rawKeyMistake);
  });

  it('request_hash is the same HMAC over ts + fields', () => {
    const ts = '1700000000000';
    expect(requestHash('test-access-key-123', ts, ['999999990019', '0', '20810200'])).toBe(signSecretKey('test-access-key-123', `${ts}999999990019020810200`));
  });

  it('uses 13-digit millisecond timestamps and refuses seconds', () => {
    expect(ekoTimestamp(1_700_000_000_123)).toBe('1700000000123');
    expect(() => ekoTimestamp(1_700_000_000)).toThrow();
  });

  it('sends the exact header names, signed over the timestamp it sends', () => {
    const headers = ekoAuthHeaders({ developerKey: 'dev-key-1234', accessKey: 'test-access-key-123' }, 1_700_000_000_000);
    expect(headers).toMatchObject({
      developer_key: 'dev-key-1234',
      'secret-key': '88lqTf9ew69XbVbeczjxVL8/B4vibfp1MvTi1mIj2Xo=',
      'secret-key-timestamp': '1700000000000',
      'content-type': 'application/json',
    });
    expect(Object.keys(headers)).not.toContain('developer-key');
    expect(Object.keys(headers)).not.toContain('secret_key');
  });

  it('signs afresh for each request', () => {
    const a = ekoAuthHeaders({ developerKey: 'k', accessKey: 'a' }, 1_700_000_000_000);
    const b = ekoAuthHeaders({ developerKey: 'k', accessKey: 'a' }, 1_700_000_000_001);
    expect(a['secret-key']).not.toBe(b['secret-key']);
  });
});
