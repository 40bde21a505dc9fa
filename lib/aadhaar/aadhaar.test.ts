import { constants, generateKeyPairSync, publicEncrypt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '@/lib/config';
import { encryptWithJwk } from './transport-client';
import { decryptTransportAadhaar, resetTransportKeyForTests, transportKey } from './transport-server';
import { isValidAadhaar, maskAadhaar, verhoeffCheckDigit } from './verhoeff';

describe('Verhoeff (UIDAI test numbers, rd-service.md §9)', () => {
  it('accepts the UIDAI test UIDs and refuses 123456789012', () => {
    expect(isValidAadhaar('999999990019')).toBe(true);
    expect(isValidAadhaar('999999990026')).toBe(true);
    expect(isValidAadhaar('123456789012')).toBe(false);
  });
  it('catches every single-digit error and every adjacent transposition', () => {
    const valid = '999999990019';
    for (let i = 0; i < 12; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[i]) continue;
        expect(isValidAadhaar(valid.slice(0, i) + d + valid.slice(i + 1))).toBe(false);
      }
    }
    const n = '234567890124';
    expect(isValidAadhaar(n)).toBe(true);
    for (let i = 0; i < 11; i++) {
      if (n[i] === n[i + 1]) continue;
      expect(isValidAadhaar(n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2))).toBe(false);
    }
  });
  it('generates check digits that validate', () => {
    for (const prefix of ['99999999001', '23456789012', '50000000000']) expect(isValidAadhaar(prefix + verhoeffCheckDigit(prefix))).toBe(true);
  });
  it('refuses anything but 12 digits', () => {
    for (const bad of ['99999999001', '9999999900190', '9999 9999 0019', 'abcdefghijkl', '']) expect(isValidAadhaar(bad)).toBe(false);
  });
  it('masks to the last four digits', () => {
    expect(maskAadhaar('999999990019')).toBe('XXXX XXXX 0019');
    expect(maskAadhaar('9999 9999 0019')).toBe('XXXX XXXX 0019');
  });
});

describe('Aadhaar transport encryption (Web Crypto RSA-OAEP-256 → server)', () => {
  beforeAll(() => {
    process.env.DATA_DIR = 'memory';
    resetConfigForTests();
    resetTransportKeyForTests();
  });
  afterAll(() => resetTransportKeyForTests());

  it('encrypts in the browser’s way and decrypts on the server', async () => {
    const sealed = await encryptWithJwk('999999990019', transportKey().jwk);
    expect(sealed).not.toContain('999999990019');
    expect(sealed.startsWith(`${transportKey().kid}.`)).toBe(true);
    expect(decryptTransportAadhaar(sealed)).toEqual({ ok: true, aadhaar: '999999990019' });
  });

  it('each encryption differs (OAEP is randomised)', async () => {
    const a = await encryptWithJwk('999999990019', transportKey().jwk);
    const b = await encryptWithJwk('999999990019', transportKey().jwk);
    expect(a).not.toBe(b);
  });

  it('refuses another key, tampering, PKCS#1 v1.5 and invalid numbers', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
    const foreign = await encryptWithJwk('999999990019', { ...other, kid: transportKey().kid });
    expect(decryptTransportAadhaar(foreign)).toEqual({ ok: false, reason: 'undecryptable' });
    expect(decryptTransportAadhaar(`stale-kid.${foreign.split('.')[1]}`)).toEqual({ ok: false, reason: 'stale_key' });
    const pkcs1 = publicEncrypt({ key: transportKey().privateKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from('999999990019')).toString('base64url');
    expect(decryptTransportAadhaar(`${transportKey().kid}.${pkcs1}`).ok).toBe(false);
    expect(decryptTransportAadhaar(await encryptWithJwk('123456789012', transportKey().jwk))).toEqual({ ok: false, reason: 'invalid_number' });
    expect(decryptTransportAadhaar('nonsense')).toEqual({ ok: false, reason: 'undecryptable' });
  });
});
