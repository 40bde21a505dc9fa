import { expect, test } from './fixtures';
import { DEMO, signIn } from './auth';
import { capture, enterAadhaar, enterOtp, openEkyc } from './ekyc-steps';
import { ekoSandbox, rdSandbox } from './sandbox';

// The browser enforces the Content-Security-Policy: the RD ports are reachable, nothing else off
// the origin is, and the app's own pages run with no violation.

test.use({ permissions: ['local-network-access'] });

test('pages carry a nonce CSP, and the API and worker a closed one', async ({ page, request }) => {
  const res = await page.goto('/login');
  const headers = res!.headers();
  const csp = headers['content-security-policy']!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain('http://127.0.0.1:11100');
  expect(csp).toContain('https://127.0.0.1:11120');
  expect(csp).not.toContain('unsafe-eval');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('geolocation=(self)');
  expect(headers['x-content-type-options']).toBe('nosniff');
  // Served on 127.0.0.1: no HSTS (it would pin other local apps to https).
  expect(headers['strict-transport-security']).toBeUndefined();
  // A new nonce every response.
  const again = (await request.get('/login')).headers()['content-security-policy'];
  expect(again).not.toBe(csp);

  const api = (await request.get('/api/health')).headers();
  expect(api['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  // Behind a real host name, HSTS is on.
  const named = (await request.get('/api/health', { headers: { host: 'desk.example.in' } })).headers();
  expect(named['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
});

test('a full eKYC runs with no CSP violation, and a request to a port outside the RD range is blocked', async ({ page, request }) => {
  await ekoSandbox.reset(request);
  await rdSandbox.reset(request);
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  await signIn(page, DEMO.agent);
  await openEkyc(page);
  await enterAadhaar(page);
  await capture(page);
  await enterOtp(page, '123456');
  await expect(page.getByTestId('ekyc-done')).toBeVisible();
  expect(violations).toEqual([]);

  // The RD sandbox's control port answers over plain HTTP, but it is not an RD port: CSP stops it.
  const blocked = await page.evaluate(async () => {
    try {
      await fetch('http://127.0.0.1:11290/health');
      return false;
    } catch {
      return true;
    }
  });
  expect(blocked).toBe(true);
  await expect.poll(() => violations.some((v) => v.includes('127.0.0.1:11290'))).toBe(true);
});
