import { beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, isSecureRequest } from './client-address';
import { addressBudgetKey, markFrontServer, normaliseAddress, PEER_HEADER } from './peer';

describe('addresses', () => {
  it('reduces what proxies write to the address: no port, no IPv4-mapped prefix, no text', () => {
    expect(normaliseAddress('203.0.113.7:4711')).toBe('203.0.113.7');
    expect(normaliseAddress('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(normaliseAddress('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(normaliseAddress(' 2001:DB8::5 ')).toBe('2001:db8::5');
    for (const junk of ['hello', '', '1.2.3.4; drop table', 'fe80::1%eth0', '999.1.1.1.1', null, undefined]) expect(normaliseAddress(junk)).toBeNull();
  });

  it('an IPv6 client spends the budget of its whole /64, an IPv4 one its own', () => {
    expect(addressBudgetKey('2001:db8:0:0:1::5')).toBe('2001:db8:0:0::/64');
    expect(addressBudgetKey('2001:db8::ffff')).toBe(addressBudgetKey('2001:db8::1'));
    expect(addressBudgetKey('2001:db8:1::1')).not.toBe(addressBudgetKey('2001:db8:2::1'));
    expect(addressBudgetKey('203.0.113.7')).toBe('203.0.113.7');
  });
});

describe('the client address and TLS, behind 0 or more trusted proxies', () => {
  beforeAll(() => markFrontServer());
  const req = (headers: Record<string, string>, url = 'http://app.test/api/x') => new Request(url, { headers });

  it('takes the entry the hops say, ignoring what the client wrote further left', () => {
    const headers = { [PEER_HEADER]: '10.0.0.2', 'x-forwarded-for': '1.1.1.1, 203.0.113.9:5000, 10.0.0.1' };
    expect(clientAddress(req(headers), 0)).toBe('10.0.0.2');
    expect(clientAddress(req(headers), 1)).toBe('10.0.0.1');
    expect(clientAddress(req(headers), 2)).toBe('203.0.113.9');
    expect(clientAddress(req({ [PEER_HEADER]: '10.0.0.2' }), 3)).toBe('10.0.0.2');
  });

  it('is TLS by the trusted proxy’s word, else for any host but localhost; never by a client’s X-Forwarded-Proto', () => {
    expect(isSecureRequest(req({ host: 'localhost:3000' }), 0)).toBe(false);
    expect(isSecureRequest(req({ host: '127.0.0.1:3199', 'x-forwarded-proto': 'https' }), 0)).toBe(false);
    expect(isSecureRequest(req({ host: 'desk.example.in' }), 0)).toBe(true);
    expect(isSecureRequest(req({ host: 'localhost', 'x-forwarded-proto': 'https' }), 1)).toBe(true);
    expect(isSecureRequest(req({}, 'http://localhost:3000/x'), 0)).toBe(false);
  });
});
