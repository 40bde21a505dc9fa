import { constants, generateKeyPairSync, publicEncrypt } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeSealPlaintext, encodeSealPlaintext, SEAL_MAX_AGE_MS, SEAL_MAX_PLAINTEXT_BYTES, SEAL_NONCE_PATTERN, SEAL_PURPOSES, type SealUse } from './seal';
import { checkSealNonce, issueSealNonce, SEAL_NONCE_FUTURE_SKEW_MS } from './seal-nonce';
import { sealWithOffer, type TransportJwk } from './transport-client';
import { decryptTransport, transportKey } from './transport-server';
import { maskAadhaar, maskedAadhaarOf } from './mask';
import { isValidAadhaar, verhoeffCheckDigit } from './verhoeff';
import { forget } from '@/lib/process-state';

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
    expect(maskedAadhaarOf('0019')).toBe('XXXX XXXX 0019');
    expect(maskedAadhaarOf(null)).toBeNull();
    expect(maskedAadhaarOf('')).toBeNull();
  });
});

const AGENT = '3f2c1a9e-5b7d-4c1e-8a2f-0d9e8b7c6a51';
const OTHER_AGENT = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const SENDER: SealUse = { purpose: 'sender_ekyc', mobile: '9000000002' };

describe('seal plaintext (lib/aadhaar/seal.ts)', () => {
  const nonce = 'A'.repeat(58);

  it('is compact JSON with version, purpose, mobile where the purpose names one, digits and nonce', () => {
    expect(encodeSealPlaintext({ aadhaar: '999999990019', use: SENDER, nonce })).toBe(
      `{"v":1,"p":"sender_ekyc","m":"9000000002","a":"999999990019","n":"${nonce}"}`,
    );
    expect(encodeSealPlaintext({ aadhaar: '999999990019', use: { purpose: 'aeps_ekyc' }, nonce })).toBe(
      `{"v":1,"p":"aeps_ekyc","a":"999999990019","n":"${nonce}"}`,
    );
    for (const use of [SENDER, { purpose: 'aeps_ekyc' }, { purpose: 'aeps_daily_auth' }] as SealUse[]) {
      expect(decodeSealPlaintext(encodeSealPlaintext({ aadhaar: '999999990019', use, nonce }))).toEqual({
        aadhaar: '999999990019',
        use: { mobile: undefined, ...use },
        nonce,
      });
    }
  });

  it('fits RSA-OAEP-256 under 2048 bits with room for a longer purpose bound to a mobile (e.g. AePS transaction)', () => {
    const longest = Math.max(...Object.keys(SEAL_PURPOSES).map((p) => p.length));
    const worst = JSON.stringify({ v: 1, p: 'x'.repeat(Math.max(longest, 24)), m: '9000000002', a: '999999990019', n: nonce });
    expect(worst.length).toBeLessThanOrEqual(SEAL_MAX_PLAINTEXT_BYTES);
    expect(SEAL_NONCE_PATTERN.test(issueSealNonce(AGENT))).toBe(true);
  });

  it('will not write a seal whose mobile does not match its purpose, or with malformed parts', () => {
    expect(() => encodeSealPlaintext({ aadhaar: '999999990019', use: { purpose: 'sender_ekyc' } as SealUse, nonce })).toThrow();
    expect(() => encodeSealPlaintext({ aadhaar: '999999990019', use: { purpose: 'aeps_ekyc', mobile: '9000000002' } as unknown as SealUse, nonce })).toThrow();
    expect(() => encodeSealPlaintext({ aadhaar: '9999 9999 0019', use: SENDER, nonce })).toThrow();
    expect(() => encodeSealPlaintext({ aadhaar: '999999990019', use: SENDER, nonce: 'short' })).toThrow();
    // The message never holds the digits.
    expect(() => encodeSealPlaintext({ aadhaar: '999999990019', use: SENDER, nonce: 'short' })).not.toThrow(/999999990019/);
  });

  it('reads nothing but what this version writes', () => {
    const ok = { v: 1, p: 'sender_ekyc', m: '9000000002', a: '999999990019', n: nonce };
    const bad: unknown[] = [
      '999999990019', // the pre-binding format: bare digits
      { ...ok, v: 2 },
      { ...ok, p: 'aeps_payout' },
      { ...ok, p: '__proto__' },
      { ...ok, extra: 1 },
      { ...ok, n: undefined },
      { ...ok, n: `${nonce}A` },
      { ...ok, m: undefined }, // sender eKYC needs the mobile
      { ...ok, p: 'aeps_ekyc' }, // the agent's own flows have none
      { ...ok, m: '5000000000' },
      { ...ok, a: '99999999001' },
      [ok],
      null,
    ];
    for (const value of bad) expect(decodeSealPlaintext(JSON.stringify(value))).toBeNull();
    // Keys only raw JSON can carry (an object literal cannot make an own __proto__), and types a
    // loose check would let through.
    const body = `"v":1,"p":"sender_ekyc","m":"9000000002","a":"999999990019","n":"${nonce}"`;
    expect(decodeSealPlaintext(`{${body}}`)).not.toBeNull();
    for (const raw of [
      `{"__proto__":{},${body}}`,
      `{"constructor":{},${body}}`,
      `{${body.replace('"m":"9000000002"', '"m":null')}}`,
      `{${body.replace('"v":1', '"v":"1"')}}`,
      `{${body.replace('"a":"999999990019"', '"a":999999990019')}}`,
      `{${body.replace('"p":"sender_ekyc"', '"p":["sender_ekyc"]')}}`,
    ])
      expect(decodeSealPlaintext(raw), raw).toBeNull();
    expect(decodeSealPlaintext('{"v":1,')).toBeNull();
    expect(decodeSealPlaintext('\ufffd')).toBeNull();
    expect(decodeSealPlaintext(JSON.stringify(ok))).not.toBeNull();
  });
});

describe('seal nonce (lib/aadhaar/seal-nonce.ts)', () => {
  beforeAll(async () => {
    process.env.DATA_DIR = 'memory';
    await forget('config');
  });
  const T = Date.UTC(2026, 0, 15, 6, 30);

  it('checks out for the agent it was issued to, for 10 minutes of the server clock', () => {
    const nonce = issueSealNonce(AGENT, T);
    expect(nonce).not.toBe(issueSealNonce(AGENT, T)); // random part
    expect(checkSealNonce(nonce, AGENT, T)).toEqual({ ok: true, issuedAt: T });
    expect(checkSealNonce(nonce, AGENT, T + SEAL_MAX_AGE_MS)).toEqual({ ok: true, issuedAt: T });
    expect(checkSealNonce(nonce, AGENT, T + SEAL_MAX_AGE_MS + 1)).toEqual({ ok: false, reason: 'expired' });
    expect(checkSealNonce(nonce, AGENT, T - SEAL_NONCE_FUTURE_SKEW_MS)).toEqual({ ok: true, issuedAt: T });
    expect(checkSealNonce(nonce, AGENT, T - SEAL_NONCE_FUTURE_SKEW_MS - 1)).toEqual({ ok: false, reason: 'future' });
  });

  it('is refused for another agent', () => {
    expect(checkSealNonce(issueSealNonce(AGENT, T), OTHER_AGENT, T)).toEqual({ ok: false, reason: 'other_agent' });
  });

  it('is refused when any byte is changed, or when it is cut, padded or re-encoded', () => {
    const nonce = issueSealNonce(AGENT, T);
    const bytes = Buffer.from(nonce, 'base64url');
    for (let i = 0; i < bytes.length; i++) {
      const tampered = Buffer.from(bytes);
      tampered[i]! ^= 0x01;
      expect(checkSealNonce(tampered.toString('base64url'), AGENT, T), `byte ${i}`).toEqual({ ok: false, reason: 'forged' });
    }
    // Re-dating it (the attack a replay would need) without the key:
    const redated = Buffer.from(bytes);
    redated.writeUIntBE(T + SEAL_MAX_AGE_MS, 1, 6);
    expect(checkSealNonce(redated.toString('base64url'), AGENT, T + SEAL_MAX_AGE_MS * 2)).toEqual({ ok: false, reason: 'forged' });
    for (const bad of ['', nonce.slice(0, -1), `${nonce}A`, nonce.replace(/.$/, '='), bytes.toString('base64')]) {
      if (bad === nonce) continue;
      expect(checkSealNonce(bad, AGENT, T)).toEqual({ ok: false, reason: 'forged' });
    }
  });
});

describe('Aadhaar transport encryption (Web Crypto RSA-OAEP-256 → server)', () => {
  beforeAll(async () => {
    process.env.DATA_DIR = 'memory';
    await forget('config');
    await forget('transportKey');
  });
  afterAll(() => forget('transportKey'));

  const offer = () => ({ jwk: transportKey().jwk, nonce: issueSealNonce(AGENT) });
  const openedContents = (sealed: string) => {
    const opened = decryptTransport(sealed);
    return opened.ok ? decodeSealPlaintext(opened.plaintext) : opened;
  };

  it('seals in the browser’s way; the server decrypts the digits with their use and nonce', async () => {
    const o = offer();
    const sealed = await sealWithOffer('999999990019', SENDER, o);
    expect(sealed).not.toContain('999999990019');
    expect(sealed).toMatch(new RegExp(`^${transportKey().kid}\\.[\\w-]{342}$`));
    expect(openedContents(sealed)).toEqual({ aadhaar: '999999990019', use: SENDER, nonce: o.nonce });
  });

  it('each encryption differs (OAEP is randomised)', async () => {
    const o = offer();
    expect(await sealWithOffer('999999990019', SENDER, o)).not.toBe(await sealWithOffer('999999990019', SENDER, o));
  });

  it('refuses another key, an unknown kid, tampering, PKCS#1 v1.5 and malformed values', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
    const foreign = await sealWithOffer('999999990019', SENDER, { jwk: { ...other, kid: transportKey().kid }, nonce: issueSealNonce(AGENT) });
    expect(decryptTransport(foreign)).toEqual({ ok: false, reason: 'undecryptable' });
    expect(decryptTransport(`stale-kid.${foreign.split('.')[1]}`)).toEqual({ ok: false, reason: 'stale_key' });
    const genuine = await sealWithOffer('999999990019', SENDER, offer());
    const body = Buffer.from(genuine.split('.')[1]!, 'base64url');
    body[100]! ^= 0x01;
    expect(decryptTransport(`${transportKey().kid}.${body.toString('base64url')}`)).toEqual({ ok: false, reason: 'undecryptable' });
    const pkcs1 = publicEncrypt({ key: transportKey().privateKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from('999999990019')).toString('base64url');
    expect(decryptTransport(`${transportKey().kid}.${pkcs1}`).ok).toBe(false);
    for (const bad of ['nonsense', `${genuine}.x`, `.${genuine.split('.')[1]}`]) expect(decryptTransport(bad)).toEqual({ ok: false, reason: 'undecryptable' });
    // A bare number under the right key (what the app sent before seals were bound) decrypts,
    // but is not a seal this version reads.
    const bare = publicEncrypt(
      { key: transportKey().privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      Buffer.from('999999990019'),
    ).toString('base64url');
    const opened = decryptTransport(`${transportKey().kid}.${bare}`);
    expect(opened).toEqual({ ok: true, plaintext: '999999990019' });
    expect(decodeSealPlaintext('999999990019')).toBeNull();
  });
});

describe('transport key rotation (AADHAAR_TRANSPORT_KEY_PREVIOUS)', () => {
  const der = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  const setKeys = async (env: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(env)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await forget('config');
    await forget('transportKey');
  };
  afterEach(() => setKeys({ AADHAAR_TRANSPORT_KEY: undefined, AADHAAR_TRANSPORT_KEY_PREVIOUS: undefined }));

  it('still opens, by kid, what a page sealed to the previous key; hands out only the current one; forgets it once removed', async () => {
    const oldKey = der();
    const newKey = der();
    await setKeys({ AADHAAR_TRANSPORT_KEY: oldKey });
    const oldJwk: TransportJwk = transportKey().jwk;
    const sealedBefore = await sealWithOffer('999999990019', SENDER, { jwk: oldJwk, nonce: issueSealNonce(AGENT) });

    await setKeys({ AADHAAR_TRANSPORT_KEY: newKey, AADHAAR_TRANSPORT_KEY_PREVIOUS: oldKey });
    expect(transportKey().kid).not.toBe(oldJwk.kid);
    expect(decryptTransport(sealedBefore)).toMatchObject({ ok: true });
    expect(decryptTransport(await sealWithOffer('999999990019', SENDER, { jwk: transportKey().jwk, nonce: issueSealNonce(AGENT) }))).toMatchObject({
      ok: true,
    });

    await setKeys({ AADHAAR_TRANSPORT_KEY: newKey, AADHAAR_TRANSPORT_KEY_PREVIOUS: undefined });
    expect(decryptTransport(sealedBefore)).toEqual({ ok: false, reason: 'stale_key' });
  });
});
