import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '@/lib/schemas/auth';
import { hashPassword, temporaryPassword, verifyPassword } from './password';
import { parseCookieHeader, readSingleCookie, SESSION_COOKIE } from './cookies';
import { signSession, verifySession } from './session';

describe('passwords', () => {
  it('hashes with scrypt and a random salt, and verifies', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
  it('makes readable temporary passwords', () => {
    expect(temporaryPassword()).toMatch(/^[a-hj-km-np-z2-9]{10}$/);
  });
});

describe('session tokens', () => {
  it('round-trips and refuses tampering', async () => {
    const claims = { userId: '1b4e28ba-2fa1-11d2-883f-0016d3cca427', role: 'agent', sessionId: '6ba7b810-9dad-11d1-80b4-00c04fd430c8' } as const;
    const token = await signSession(claims);
    expect(await verifySession(token)).toEqual(claims);
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), role: 'admin' })).toString('base64url');
    expect(await verifySession(`${h}.${forged}.${s}`)).toBeNull();
    expect(await verifySession('not-a-token')).toBeNull();
    expect(await verifySession(undefined)).toBeNull();
  });
  it('refuses alg=none', async () => {
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x","role":"admin","sid":"y"}').toString('base64url')}.`;
    expect(await verifySession(none)).toBeNull();
  });
});

describe('cookies', () => {
  it('a malformed cookie is no session, not a crash', () => {
    expect(readSingleCookie('ad_session=%E0%A4%A', SESSION_COOKIE, false)).toBeNull();
    expect(readSingleCookie('a=1; ad_session=abc', SESSION_COOKIE, false)).toBe('abc');
    expect(readSingleCookie('a=1; __Host-ad_session=abc', SESSION_COOKIE, true)).toBe('abc');
    expect(parseCookieHeader('a=1;b;c=x=y')).toEqual([
      ['a', '1'],
      ['c', 'x=y'],
    ]);
  });
  it('two session cookies mean no session: we cannot tell which is ours', () => {
    expect(readSingleCookie('ad_session=a; ad_session=b', SESSION_COOKIE, false)).toBeNull();
    expect(readSingleCookie('__Host-ad_session=a; __Host-ad_session=b', SESSION_COOKIE, true)).toBeNull();
  });
  it('over TLS a plain-named cookie (which a sibling subdomain can plant) neither signs in nor out', () => {
    expect(readSingleCookie('ad_session=planted', SESSION_COOKIE, true)).toBeNull();
    expect(readSingleCookie('ad_session=planted; __Host-ad_session=ours', SESSION_COOKIE, true)).toBe('ours');
    expect(readSingleCookie('__Host-ad_session=ours', SESSION_COOKIE, false)).toBeNull();
  });
});

describe('return paths after login', () => {
  it('keeps same-site paths and drops everything else', () => {
    expect(safeReturnPath('/senders?mobile=9000000001')).toBe('/senders?mobile=9000000001');
    for (const bad of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/a\\b',
      'senders',
      '/api/auth/logout',
      '',
      null,
    ]) {
      expect(safeReturnPath(bad)).toBeNull();
    }
  });
});
