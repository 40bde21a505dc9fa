import { afterEach, describe, expect, it } from 'vitest';
import { captureLogs } from '@/test/log';
import { logger, REDACTED, REDACT_PATHS, SENSITIVE_KEYS, withLogContext } from './log';

// The redaction paths, checked one by one: whoever logs an object holding one of these keys (at
// the top or one level down, or in request/response headers) gets the censor, not the value.

let capture: ReturnType<typeof captureLogs> | undefined;
afterEach(() => capture?.stop());

describe('logger redaction', () => {
  it.each(SENSITIVE_KEYS)('censors %s at the top level and one level down', (key) => {
    capture = captureLogs();
    logger().info({ [key]: 'TOP-SECRET-VALUE', nested: { [key]: 'NESTED-SECRET-VALUE', keep: 'visible' } }, 'probe');
    const [line] = capture.lines();
    expect(capture.text()).not.toContain('SECRET-VALUE');
    expect(line).toMatchObject({ [key]: REDACTED, nested: { [key]: REDACTED, keep: 'visible' }, msg: 'probe' });
  });

  it('censors credentials in request and response headers', () => {
    capture = captureLogs();
    logger().info({
      req: { headers: { cookie: 'ad_session=abc', authorization: 'Bearer abc', 'secret-key': 'sig', developer_key: 'dev', accept: '*/*' } },
      res: { headers: { 'set-cookie': 'ad_session=abc' } },
      headers: { cookie: 'ad_session=abc', 'secret-key': 'sig' },
    });
    const [line] = capture.lines();
    expect(line).toMatchObject({
      req: { headers: { cookie: REDACTED, authorization: REDACTED, 'secret-key': REDACTED, developer_key: REDACTED, accept: '*/*' } },
      res: { headers: { 'set-cookie': REDACTED } },
      headers: { cookie: REDACTED, 'secret-key': REDACTED },
    });
    expect(capture.text()).not.toMatch(/abc|sig|dev"/);
  });

  it('uses fixed paths only (one compiled set, no user input in them)', () => {
    for (const path of REDACT_PATHS) expect(path).toMatch(/^(\*|[\w.]+)?(\.[\w$]+|\["[\w-]+"\])*$/);
  });

  it('writes one JSON object per line with an ISO time, a level label and the request id in context', () => {
    capture = captureLogs();
    withLogContext({ reqId: 'req-1' }, () => logger().warn({ status: 502 }, 'upstream'));
    const [line] = capture.lines();
    expect(line).toEqual({ level: 'warn', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), reqId: 'req-1', status: 502, msg: 'upstream' });
  });
});
