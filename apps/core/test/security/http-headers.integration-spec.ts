import { startTestApp, type TestApp } from '../support/test-app';

/** Headers every answer carries, whatever route, status or content it has. */
function expectHardened(headers: Headers): void {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('x-powered-by')).toBeNull();
}

describe('security headers and CORS', () => {
  describe('by default', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp('sqlite');
    });
    afterAll(() => app?.close());

    it('put nosniff, no framing and a CSP that loads nothing on API answers, errors included', async () => {
      const ok = await app.call('GET', '/api/v1/locations');
      expect(ok.status).toBe(200);
      expectHardened(ok.headers);
      expect(ok.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
      for (const refused of [
        await app.call('GET', '/api/v1/locations', { key: null }),
        await app.call('GET', '/api/v1/nothing-here'),
        await app.call('POST', '/api/v1/products', { headers: { 'content-type': 'application/json' }, body: { pad: 'x'.repeat(6 * 1024 * 1024) } }),
      ]) {
        expect([401, 404, 413]).toContain(refused.status);
        expectHardened(refused.headers);
      }
      expectHardened((await fetch(`${app.baseUrl}/health`)).headers);
    });

    it('let the API docs page load its own scripts and styles, and nothing from elsewhere', async () => {
      const page = await fetch(`${app.baseUrl}/api/docs`);
      expect(page.status).toBe(200);
      expectHardened(page.headers);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      // Every script the page runs is one of its own files: no inline script the policy would block.
      const html = await page.text();
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      const init = await fetch(`${app.baseUrl}/api/docs/swagger-ui-init.js`);
      expect(init.status).toBe(200);
      expect(init.headers.get('content-security-policy')).toBe(csp);
    });

    it('send no Strict-Transport-Security over plain HTTP, and believe no forwarded protocol without a trusted proxy', async () => {
      expect((await app.call('GET', '/api/v1/locations')).headers.get('strict-transport-security')).toBeNull();
      expect((await app.call('GET', '/api/v1/locations', { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toBeNull();
    });

    it('keep CORS closed: no origin is allowed, preflights included', async () => {
      const simple = await app.call('GET', '/api/v1/locations', { headers: { origin: 'https://evil.example' } });
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${app.baseUrl}/api/v1/stock/adjust`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
    });
  });

  describe('behind a TLS proxy, with CORS opened to one origin', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp('sqlite', { TRUST_PROXY_HOPS: '1', HSTS_MAX_AGE: '600', CORS_ORIGINS: 'https://admin.example.com' });
    });
    afterAll(() => app?.close());

    it('send Strict-Transport-Security on answers to HTTPS requests only', async () => {
      const overTls = await app.call('GET', '/api/v1/locations', { headers: { 'x-forwarded-proto': 'https' } });
      expect(overTls.headers.get('strict-transport-security')).toBe('max-age=600; includeSubDomains');
      expect((await app.call('GET', '/api/v1/locations')).headers.get('strict-transport-security')).toBeNull();
    });

    it('allow that origin, with the headers the API needs, and no other', async () => {
      const preflight = await fetch(`${app.baseUrl}/api/v1/stock/adjust`, {
        method: 'OPTIONS',
        headers: { origin: 'https://admin.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
      });
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toBe('authorization,content-type,idempotency-key');
      expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
      const allowed = await app.call('GET', '/api/v1/locations', { headers: { origin: 'https://admin.example.com' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
      for (const origin of ['https://evil.example', 'https://admin.example.com.evil.example', 'http://admin.example.com']) {
        expect((await app.call('GET', '/api/v1/locations', { headers: { origin } })).headers.get('access-control-allow-origin')).toBeNull();
      }
    });
  });
});
