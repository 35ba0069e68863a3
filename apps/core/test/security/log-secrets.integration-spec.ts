import { createTestshopSandbox } from '@urikiri/connector-testshop/sandbox';
import type { ChannelSandbox } from '@urikiri/connector-sdk/testing';
import { randomBytes } from 'node:crypto';
import { generateApiKey } from '../../src/auth/api-key-secret';
import { createScratchDatabase, type ScratchDatabase } from '../../src/database/scratch-database';
import { eventually } from '../support/eventually';
import { type ServiceProcess, startServiceProcess } from '../support/service-process';
import { TEST_REDIS_URL } from '../support/test-app';

/** Access tokens the testshop sandbox issues: `at-` and 48 hex digits. */
const ACCESS_TOKEN = /at-[0-9a-f]{48}/;

/**
 * The service as it runs (its own process, LOG_LEVEL=debug), with channel credentials and API keys
 * in use: an account connected, pushes, orders polled and received by webhook, a refreshed token,
 * credentials the channel stops accepting, wrong keys. Every byte it writes is searched for them.
 */
describe('secrets in the log', () => {
  let database: ScratchDatabase;
  let shop: ChannelSandbox;
  let service: ServiceProcess;
  let output = '';
  const adminKey = generateApiKey();
  const credentialsKey = `log-test-${randomBytes(24).toString('base64url')}`;

  beforeAll(async () => {
    database = await createScratchDatabase('postgresql', 'log_secrets');
    shop = await createTestshopSandbox({ seed: 51 });
  });

  afterAll(async () => {
    if (service && service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGKILL');
    await shop?.close();
    await database?.drop();
  });

  it('never contains channel credentials, access tokens, API keys or CREDENTIALS_KEY, even at debug level', async () => {
    service = startServiceProcess({
      PORT: '0',
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: `urikiri_test_logs_${process.pid}`,
      URIKIRI_ADMIN_KEY: adminKey,
      CREDENTIALS_KEY: credentialsKey,
      LOG_LEVEL: 'debug',
      ORDER_POLL_INTERVAL_MS: '300',
      PUSH_RETRY_BASE_MS: '20',
      PUSH_RETRY_MAX_MS: '200',
    });
    // Everything the process writes, parsed as JSON or not.
    service.child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const listening = await service.waitFor((record) => record['event'] === 'listening', 120_000);
    const api = String(listening['api']);
    const call = async (method: string, path: string, body?: unknown, key: string | null = adminKey) => {
      const response = await fetch(`${api}${path}`, {
        method,
        headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
    };

    const created = await call('POST', '/api-keys', { name: 'shop sync', scopes: ['write'] });
    const writeKey = String(created.body['key']);
    expect((await call('GET', '/locations', undefined, `${writeKey}x`)).status).toBe(401);
    expect((await call('GET', '/locations', undefined, 'not-even-a-key')).status).toBe(401);
    await call('POST', '/locations', { code: 'WH', name: 'warehouse' }, writeKey);
    await call('POST', '/products', { code: 'TEA', name: 'tea' }, writeKey);
    await call('POST', '/stock/receive', { idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 10 }, writeKey);
    // A wrong credential first (refused by the connector, named by path only), then the right ones.
    const refused = await call('POST', '/channels/accounts', { id: 'shop-a', connector: 'testshop', displayName: 'A', credentials: { ...shop.credentials(), clientSecret: 42 }, baseUrl: shop.url });
    expect(refused.status).toBe(400);
    expect((await call('POST', '/channels/accounts', { id: 'shop-a', connector: 'testshop', displayName: 'A', credentials: shop.credentials(), baseUrl: shop.url })).status).toBe(201);
    shop.stock.upsertListing({ listingId: 'L-TEA', sellerSku: 'TEA', quantity: 0 });
    expect((await call('POST', '/channels/listings', { account: 'shop-a', channelListingId: 'L-TEA', sku: 'TEA' }, writeKey)).status).toBe(201);
    expect(await eventually(async () => shop.stock.quantity('L-TEA'), (q) => q === 10)).toBe(10);

    // A sale, polled; another, delivered by webhook; a forged delivery.
    shop.stock.createOrder({ lines: [{ listingId: 'L-TEA', quantity: 1 }] });
    const before = shop.stock.events().length;
    const order = shop.stock.createOrder({ lines: [{ listingId: 'L-TEA', quantity: 2 }] });
    const webhook = shop.webhookFor?.(shop.stock.events().slice(before).filter((e) => e.orderId === order.orderId));
    if (!webhook) throw new Error('the testshop sandbox signs webhooks');
    const delivered = await fetch(`${api}/channels/accounts/shop-a/webhook`, { method: 'POST', headers: webhook.headers as Record<string, string>, body: webhook.body });
    expect(delivered.status).toBe(200);
    const forged = shop.webhookFor?.([], { signWith: 'a-forger-without-the-secret' });
    expect((await fetch(`${api}/channels/accounts/shop-a/webhook`, { method: 'POST', headers: forged?.headers as Record<string, string>, body: forged?.body })).status).toBe(403);
    expect(await eventually(async () => shop.stock.quantity('L-TEA'), (q) => q === 7, 45_000)).toBe(7);

    // The access token expires (refreshed with the client secret and refresh token), then the channel revokes the app.
    shop.expireAccessTokens();
    await call('POST', '/stock/receive', { idempotencyKey: 'r2', sku: 'TEA', location: 'WH', quantity: 1 }, writeKey);
    // The service runs in its own process; under a full parallel test run the refresh and the
    // refused-then-retried push can take longer than the default wait.
    expect(await eventually(async () => shop.stock.quantity('L-TEA'), (q) => q === 8, 45_000)).toBe(8);
    const issued = shop.tokensIssued();
    expect(issued).toBeGreaterThan(1);
    shop.revokeCredentials();
    shop.expireAccessTokens();
    await call('POST', '/stock/receive', { idempotencyKey: 'r3', sku: 'TEA', location: 'WH', quantity: 1 }, writeKey);
    const failed = await eventually(
      async () => ((await call('GET', '/channels/listings?account=shop-a')).body['items'] as { lastError: string | null }[])[0]?.lastError ?? null,
      (error) => error !== null,
    );
    expect(failed).not.toBeNull();

    service.child.kill('SIGTERM');
    await service.exited;
    const everything = `${output}\n${service.stderr()}`;

    // The run was at debug level and did log requests, the refused ones included: the search had something to search.
    expect(everything).toContain('"level":20');
    expect(everything).toMatch(/"statusCode":401/);
    expect(everything).toContain('"authorization":"[redacted]"');
    expect(everything).toContain('"x-testshop-signature":"[redacted]"');

    const secrets: Record<string, string> = {
      URIKIRI_ADMIN_KEY: adminKey,
      'the created API key': writeKey,
      CREDENTIALS_KEY: credentialsKey,
      clientSecret: shop.credentials()['clientSecret'],
      refreshToken: shop.credentials()['refreshToken'],
      webhookSecret: shop.credentials()['webhookSecret'],
    };
    const found = Object.entries(secrets).filter(([, secret]) => everything.includes(secret)).map(([name]) => name);
    if (ACCESS_TOKEN.test(everything)) found.push(`an access token (${ACCESS_TOKEN.exec(everything)?.[0].slice(0, 8)}…)`);
    expect(found).toEqual([]);
  }, 180_000);
});
