import { describe, expect, it } from 'vitest';
import { SANDBOX_PID_MARKER } from '../sandbox/rd/pid';
import { findSensitive } from './scan-sensitive';

// The post-e2e scans pass only if this finds what it must, and does not cry wolf at numbers that
// merely contain an OTP's digits.
describe('findSensitive', () => {
  it('finds the Aadhaar numbers, OTPs and PID payloads the e2e suite uses', () => {
    expect(findSensitive('{"aadhaar":"999999990019"}')).toEqual(['Aadhaar 99…19']);
    expect(findSensitive('otp=123456&x=1')).toEqual(['OTP 1…6']);
    expect(findSensitive('"code":"000000"')).toEqual(['OTP 0…0']);
    expect(findSensitive('{"account":"30001234567"}')).toEqual(['account …4567']);
    expect(findSensitive('XXXXXX4567 and 130001234567')).toEqual([]);
    expect(findSensitive(`<PidData><Skey ci="1">x</Skey>${SANDBOX_PID_MARKER}</PidData>`)).toEqual(['PidData XML', 'PID session key', 'sandbox PID block']);
  });

  it('does not read an OTP out of a longer number, a timestamp or a hex id', () => {
    expect(findSensitive('"time":1763856123456,"id":"9f123456ab","ref":"AB1234567"')).toEqual([]);
    expect(findSensitive('a0123456b c1234560')).toEqual([]);
  });
});
