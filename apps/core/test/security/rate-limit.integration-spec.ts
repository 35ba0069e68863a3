import { createTestshopSandbox } from '@urikiri/connector-testshop/sandbox';
import { ChannelDirectory } from '@urikiri/sync';
import { ApiKeyService } from '../../src/auth/api-key.service';
import { startTestApp, type TestApp } from '../support/test-app';

describe('API rate limits, counted in Redis', () => {
  describe('per API key', () => {
    let app: TestApp;
    let replica: TestApp;

    beforeAll(async () => {
      app = await startTestApp('sqlite', { RATE_LIMIT_PER_KEY: '5', RATE_LIMIT_PER_IP: '0' });
      // Another API process of the same installation: same database, same Redis prefix.
      replica = await startTestApp('sqlite', { RATE_LIMIT_PER_KEY: '5', RATE_LIMIT_PER_IP: '0' }, { replicaOf: app });
    });
    afterAll(async () => {
      await replica?.close();
      await app?.close();
    });

    it('answers 429 with Retry-After past the limit, across every API process, in the common error shape', async () => {
      const statuses: number[] = [];
      for (const api of [app, replica, app, replica, app]) statuses.push((await api.call('GET', '/api/v1/locations')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      const refused = await replica.call<Record<string, unknown>>('GET', '/api/v1/locations');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused.headers.get('ratelimit-limit')).toBe('5');
      expect(refused.headers.get('ratelimit-remaining')).toBe('0');
      expect(refused.body).toMatchObject({ statusCode: 429, code: 'too_many_requests', message: expect.stringContaining('at most 5 per minute per API key') });
    });

    it('counts each key apart, and says how many requests are left', async () => {
      const other = await freshKey(app);
      const first = await app.call('GET', '/api/v1/locations', { key: other });
      expect(first.status).toBe(200);
      expect(first.headers.get('ratelimit-remaining')).toBe('4');
    });

    it('does not count channel webhooks, which still check their signature, nor health probes', async () => {
      const shop = await createTestshopSandbox({ seed: 31 });
      try {
        await app.app.get(ChannelDirectory).addAccount({ id: 'rl-shop', connector: 'testshop', displayName: 'rl', credentials: shop.credentials(), baseUrl: shop.url });
        const key = await freshKey(app);
        for (let i = 0; i < 5; i++) await app.call('GET', '/api/v1/locations', { key });
        expect((await app.call('GET', '/api/v1/locations', { key })).status).toBe(429);
        const forged = shop.webhookFor?.([], { signWith: 'not-the-shop-secret-0123456789' });
        if (!forged) throw new Error('the testshop sandbox signs webhooks');
        for (let i = 0; i < 12; i++) {
          const webhook = await fetch(`${app.baseUrl}/api/v1/channels/accounts/rl-shop/webhook`, {
            method: 'POST',
            headers: { ...(forged.headers as Record<string, string>), authorization: `Bearer ${key}` },
            body: forged.body,
          });
          expect(webhook.status).toBe(403);
          expect((await fetch(`${app.baseUrl}/health`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
        }
      } finally {
        await shop.close();
      }
    });
  });

  describe('per client address', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp('sqlite', { RATE_LIMIT_PER_KEY: '0', RATE_LIMIT_PER_IP: '4', TRUST_PROXY_HOPS: '1' });
    });
    afterAll(() => app?.close());

    it('limits requests without a key, and with wrong keys, before any key is looked up', async () => {
      const from = { 'x-forwarded-for': '203.0.113.7' };
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await app.call('GET', '/api/v1/locations', { key: null, headers: from })).status);
      statuses.push((await app.call('GET', '/api/v1/locations', { key: `uk_${'x'.repeat(43)}`, headers: from })).status);
      statuses.push((await app.call('GET', '/api/v1/locations', { key: null, headers: from })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
      // A client behind the same proxy, at another address, has its own budget.
      expect((await app.call('GET', '/api/v1/locations', { headers: { 'x-forwarded-for': '203.0.113.8' } })).status).toBe(200);
    });
  });
});

/** A key of its own, made in the database directly, so a test's budget is not what an earlier test spent. */
async function freshKey(app: TestApp): Promise<string> {
  return (await app.app.get(ApiKeyService).create(`key ${Math.random()}`, ['admin'])).key;
}
