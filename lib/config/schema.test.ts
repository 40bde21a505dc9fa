import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, SANDBOX_AADHAAR_PUBLIC_KEY, SANDBOX_CREDENTIALS } from './schema';

describe('configuration', () => {
  it('defaults to sandbox mode with the sandbox credentials', () => {
    const c = parseConfig({});
    expect(c.sandboxMode).toBe(true);
    expect(c.eko).toMatchObject({ baseUrl: 'http://127.0.0.1:4100/ekoapi/v3', accessKey: SANDBOX_CREDENTIALS.accessKey, timeoutMs: 15000 });
    expect(c.dataDir).toBe('.data');
    expect(c.port).toBe(3000);
  });

  it('requires credentials when EKO_BASE_URL is set, naming each missing one', () => {
    try {
      parseConfig({ EKO_BASE_URL: 'https://staging.eko.in/ekoapi/v3', EKO_ACCESS_KEY: 'abcdefgh-1234' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      expect(message).toContain('EKO_DEVELOPER_KEY');
      expect(message).toContain('EKO_INITIATOR_ID');
      expect(message).toContain('EKO_AADHAAR_PUBLIC_KEY');
      expect(message).not.toContain('abcdefgh-1234');
    }
  });

  it('uses the real endpoint and credentials, trimming a trailing slash', () => {
    const c = parseConfig({
      EKO_BASE_URL: 'https://staging.eko.in/ekoapi/v3/',
      EKO_DEVELOPER_KEY: 'dev-key-123456',
      EKO_ACCESS_KEY: 'access-key-123456',
      EKO_INITIATOR_ID: '9962981729',
      // The key Eko publishes (docs/eko-api.md §10).
      EKO_AADHAAR_PUBLIC_KEY:
        'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCaFyrzeDhMaFLx+LZUNOOO14Pj9aPfr+1WOanDgDHxo9NekENYcWUftM9Y17ul2pXr3bqw0GCh4uxNoTQ5cTH4buI42LI8ibMaf7Kppq9MzdzI9/7pOffgdSn+P8J64CJAk3VrVswVgfy8lABt7fL8R6XReI9x8ewwKHhCRTwBgQIDAQAB',
    });
    expect(c.sandboxMode).toBe(false);
    expect(c.eko.baseUrl).toBe('https://staging.eko.in/ekoapi/v3');
  });

  it('names malformed settings without echoing secrets', () => {
    const secret = 'super-secret-value ';
    expect(() => parseConfig({ EKO_ACCESS_KEY: secret })).toThrow(/EKO_ACCESS_KEY/);
    expect(() => parseConfig({ EKO_ACCESS_KEY: secret })).not.toThrow(/super-secret/);
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseConfig({ EKO_BASE_URL: 'http://staging.eko.in/ekoapi/v3' })).toThrow(/EKO_BASE_URL: must use https/);
    expect(() => parseConfig({ EKO_TIMEOUT_MS: '120000' })).toThrow(/EKO_TIMEOUT_MS/);
    expect(() => parseConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => parseConfig({ EKO_AADHAAR_PUBLIC_KEY: 'bm90IGEga2V5' })).toThrow(/EKO_AADHAAR_PUBLIC_KEY/);
  });

  it('accepts RSA keys in the documented encodings; Eko’s must be 1024-bit with e = 65537', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const big = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(() => parseConfig({ EKO_AADHAAR_PUBLIC_KEY: big })).toThrow(/EKO_AADHAAR_PUBLIC_KEY: must be Eko's RSA public key/);
    expect(parseConfig({}).ekoAadhaarPublicKey).toBe(SANDBOX_AADHAAR_PUBLIC_KEY);
    const transport = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const c = parseConfig({
      EKO_AADHAAR_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      AADHAAR_TRANSPORT_KEY: transport,
    });
    expect(c.ekoAadhaarPublicKey).toBeDefined();
    expect(c.aadhaarTransportKey).toBe(transport);
    // A 1024-bit transport key cannot hold a bound seal (up to 190 bytes in RSA-OAEP-256).
    const small = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    expect(() => parseConfig({ AADHAAR_TRANSPORT_KEY: small })).toThrow(
      /AADHAAR_TRANSPORT_KEY: must be a base64 DER PKCS#8 RSA private key of 2048 to 4096 bits/,
    );
  });

  it('takes a previous transport key for rotation: validated like the current one, never the same key', () => {
    const der = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const [current, previous] = [der(), der()];
    expect(parseConfig({}).aadhaarTransportKeyPrevious).toBeUndefined();
    expect(parseConfig({ AADHAAR_TRANSPORT_KEY: current, AADHAAR_TRANSPORT_KEY_PREVIOUS: previous })).toMatchObject({
      aadhaarTransportKey: current,
      aadhaarTransportKeyPrevious: previous,
    });
    expect(() => parseConfig({ AADHAAR_TRANSPORT_KEY_PREVIOUS: 'bm90IGEga2V5' })).toThrow(
      /AADHAAR_TRANSPORT_KEY_PREVIOUS: must be a base64 DER PKCS#8 RSA private key/,
    );
    expect(() => parseConfig({ AADHAAR_TRANSPORT_KEY: current, AADHAAR_TRANSPORT_KEY_PREVIOUS: current })).toThrow(
      /AADHAAR_TRANSPORT_KEY_PREVIOUS: is the same key as AADHAAR_TRANSPORT_KEY/,
    );
    // Neither message quotes the key.
    expect(() => parseConfig({ AADHAAR_TRANSPORT_KEY: current, AADHAAR_TRANSPORT_KEY_PREVIOUS: current })).not.toThrow(current.slice(20, 60));
  });

  it('keeps rate-limit counters in the database unless told otherwise; Redis needs REDIS_URL', () => {
    expect(parseConfig({}).rateLimit).toEqual({ store: 'database', redisUrl: undefined });
    expect(parseConfig({ RATE_LIMIT_STORE: 'memory' }).rateLimit.store).toBe('memory');
    expect(parseConfig({ RATE_LIMIT_STORE: 'redis', REDIS_URL: 'rediss://:pw@cache.internal:6380/2' }).rateLimit).toEqual({
      store: 'redis',
      redisUrl: 'rediss://:pw@cache.internal:6380/2',
    });
    expect(() => parseConfig({ RATE_LIMIT_STORE: 'redis' })).toThrow(/REDIS_URL: required when RATE_LIMIT_STORE is redis/);
    expect(() => parseConfig({ RATE_LIMIT_STORE: 'mongo' })).toThrow(/RATE_LIMIT_STORE/);
  });

  it('names a malformed REDIS_URL without echoing its password', () => {
    for (const bad of ['http://:hunter2-secret@cache.internal:6379', 'not a url hunter2-secret']) {
      expect(() => parseConfig({ RATE_LIMIT_STORE: 'redis', REDIS_URL: bad })).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
      expect(() => parseConfig({ RATE_LIMIT_STORE: 'redis', REDIS_URL: bad })).not.toThrow(/hunter2/);
    }
  });

  it('trusts forwarded headers only for the proxies TRUST_PROXY_HOPS (or TRUST_PROXY=true, one) names', () => {
    expect(parseConfig({}).proxyHops).toBe(0);
    expect(parseConfig({ TRUST_PROXY: 'true' }).proxyHops).toBe(1);
    expect(parseConfig({ TRUST_PROXY: '0' }).proxyHops).toBe(0);
    expect(parseConfig({ TRUST_PROXY_HOPS: '2' }).proxyHops).toBe(2);
    expect(parseConfig({ TRUST_PROXY_HOPS: '0', TRUST_PROXY: 'true' }).proxyHops).toBe(0);
    expect(() => parseConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
    expect(() => parseConfig({ TRUST_PROXY_HOPS: '-1' })).toThrow(/TRUST_PROXY_HOPS/);
    expect(() => parseConfig({ TRUST_PROXY_HOPS: 'one' })).toThrow(/TRUST_PROXY_HOPS/);
  });

  it('refuses sandbox mode on a PostgreSQL unless SANDBOX=1 says it is intended, naming both variables', () => {
    const url = 'postgres://agentdesk:pg-secret-pw@db.internal:5432/agentdesk';
    let message = '';
    try {
      parseConfig({ DATABASE_URL: url });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL is set but EKO_BASE_URL is not/);
    expect(message).toMatch(/demo accounts/);
    expect(message).toMatch(/SANDBOX=1/);
    expect(message).not.toMatch(/pg-secret-pw|db\.internal/);
    // A blank EKO_BASE_URL is unset, so it is still sandbox mode.
    expect(() => parseConfig({ DATABASE_URL: url, EKO_BASE_URL: ' ' })).toThrow(/EKO_BASE_URL is not/);
    expect(() => parseConfig({ DATABASE_URL: url, SANDBOX: '0' })).toThrow(/SANDBOX=1/);

    for (const yes of ['1', 'true']) {
      const c = parseConfig({ DATABASE_URL: url, SANDBOX: yes });
      expect(c.sandboxMode).toBe(true);
      expect(c.databaseUrl).toBe(url);
    }
    // The embedded database needs no such setting.
    expect(parseConfig({}).sandboxMode).toBe(true);
    expect(() => parseConfig({ SANDBOX: 'yes' })).toThrow(/SANDBOX/);
  });

  it('refuses SANDBOX=1 outside sandbox mode', () => {
    const real = {
      EKO_BASE_URL: 'https://staging.eko.in/ekoapi/v3',
      EKO_DEVELOPER_KEY: 'dev-key-123456',
      EKO_ACCESS_KEY: 'access-key-123456',
      EKO_INITIATOR_ID: '9962981729',
      EKO_AADHAAR_PUBLIC_KEY: SANDBOX_AADHAAR_PUBLIC_KEY,
      DATABASE_URL: 'postgres://db.internal/agentdesk',
    };
    expect(parseConfig(real).sandboxMode).toBe(false);
    expect(() => parseConfig({ ...real, SANDBOX: '1' })).toThrow(/SANDBOX: .*EKO_BASE_URL/);
  });
});
