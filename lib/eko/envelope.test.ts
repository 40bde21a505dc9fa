import { describe, expect, it } from 'vitest';
import { scrubUpstreamText } from './client';
import { isStepSuccess, readEnvelope, toNumber } from './envelope';

describe('upstream text shown to agents', () => {
  it('hides long digit runs (an Aadhaar echoed back) and bounds the length', () => {
    expect(scrubUpstreamText('Invalid aadhar 9999 9999 0019 given')).toBe('Invalid aadhar [number hidden] given');
    expect(scrubUpstreamText('Invalid 999999990019')).toBe('Invalid [number hidden]');
    expect(scrubUpstreamText('Please enter a valid 6 digit pincode')).toBe('Please enter a valid 6 digit pincode');
    expect(scrubUpstreamText('Account 123456789 is closed')).toBe('Account [number hidden] is closed');
    expect(scrubUpstreamText('OTP 482913 is wrong; limit 5000 left')).toBe('OTP [number hidden] is wrong; limit 5000 left');
    expect(scrubUpstreamText('Call 98765-43210')).toBe('Call [number hidden]');
    expect(scrubUpstreamText('x'.repeat(500))).toHaveLength(200);
  });
});

describe('Eko envelope', () => {
  it('coerces numbers that arrive as strings', () => {
    expect(toNumber('25000.0')).toBe(25000);
    expect(toNumber(' 0 ')).toBe(0);
    expect(toNumber('')).toBeNull();
    expect(toNumber('abc')).toBeNull();
    const env = readEnvelope({ status: '0', response_status_id: '-1', response_type_id: '309', message: 'Success!', data: {} });
    expect(env).toMatchObject({ status: 0, responseStatusId: -1, responseTypeId: 309 });
  });

  it('treats "No key for Response" (no status) as not an envelope', () => {
    expect(readEnvelope({ message: 'No key for Response' })).toBeNull();
    expect(readEnvelope('<html>')).toBeNull();
    expect(readEnvelope([1, 2])).toBeNull();
  });

  it('reads invalid_params and its invalid_parameters alias', () => {
    expect(readEnvelope({ status: 1, invalid_params: { name: 'bad' } })?.invalidParams).toEqual({ name: 'bad' });
    expect(readEnvelope({ status: 1, invalid_parameters: { dob: 'bad' } })?.invalidParams).toEqual({ dob: 'bad' });
  });

  it('step success accepts the current rt or the seed 1388, and rsid 0 or -1', () => {
    const env = (rt: number, rsid = 0, status = 0) => readEnvelope({ status, response_status_id: rsid, response_type_id: rt, data: {} })!;
    expect(isStepSuccess(env(2129), [2129])).toBe(true);
    expect(isStepSuccess(env(1388, -1), [2129])).toBe(true);
    expect(isStepSuccess(env(2135, 1, 2135), [2129])).toBe(false);
    expect(isStepSuccess(env(2129, 5), [2129])).toBe(false);
  });
});
