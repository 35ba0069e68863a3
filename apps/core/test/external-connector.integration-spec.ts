import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SDK_VERSION } from '@urikiri/connector-sdk';
import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/test-app';

const WORKSPACE = resolve(__dirname, '../../..');

/**
 * A connector package as a third party publishes it: plain CommonJS, its own zod, no code from this
 * repository. Its "channel" is a shelf on globalThis so the test can read what the service pushed.
 */
const ACME_PACKAGE = `
const { z } = require('zod');
const shelf = (globalThis.__acmeShelf ??= new Map());
class AcmeConnector {
  constructor(context) {
    this.manifest = AcmeConnector.manifest;
    this.credentials = AcmeConnector.credentials.parse(context.credentials);
  }
  async push(items) {
    return items.map((item) => {
      shelf.set(item.listingId, item.target);
      return { listingId: item.listingId, version: item.version, status: 'ok', channelQuantity: item.target };
    });
  }
  async read(ids) {
    return ids.map((listingId) => (shelf.has(listingId) ? { listingId, found: true, quantity: shelf.get(listingId) } : { listingId, found: false }));
  }
  async listCatalogue() {
    return { listings: [...shelf.keys()].map((listingId) => ({ listingId, sellerSku: listingId.toUpperCase(), jan: null, title: listingId, quantity: shelf.get(listingId) })), nextCursor: null };
  }
  async fetchOrders(cursor) {
    return { events: [], nextCursor: cursor, hasMore: false };
  }
  parseWebhook() {
    throw new Error('acme sends no webhooks');
  }
  async checkListingSettings() {
    return [];
  }
}
AcmeConnector.id = 'acme';
AcmeConnector.credentials = z.object({ apiKey: z.string().min(8) });
AcmeConnector.manifest = ${JSON.stringify({
  id: 'acme',
  displayName: 'ACME Market',
  sdkRange: `^${SDK_VERSION.split('.')[0]}.0.0`,
  baseUrl: 'https://api.acme.example',
  auth: { mode: 'api-key' },
  credentials: [{ name: 'apiKey', label: 'API key', secret: true }],
  rateLimits: Object.fromEntries(['push', 'read', 'catalogue', 'orders'].map((op) => [op, { kind: 'token-bucket', ratePerSecond: 50, burst: 50 }])),
  bulk: { push: 20, read: 20, catalogue: 50, orders: 50 },
  maxQuantity: 9999,
  pushSemantics: ['absolute'],
  stockLoweredOn: 'order-created',
  orderDelivery: { webhook: false, polling: true },
})};
module.exports = { connectors: [AcmeConnector] };
`;

describe('connectors loaded through configuration alone', () => {
  let dir: string;
  let api: TestApp | undefined;

  beforeAll(() => {
    mkdirSync(join(WORKSPACE, 'tmp'), { recursive: true });
    dir = mkdtempSync(join(WORKSPACE, 'tmp', 'connectors-dir-'));
    const pkg = join(dir, 'node_modules', 'acme-connector');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'acme-connector', version: '1.0.0', main: 'index.js' }));
    writeFileSync(join(pkg, 'index.js'), ACME_PACKAGE);
  });
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a third-party package named in CONNECTOR_PACKAGES next to the built-in ones, end to end', async () => {
    api = await startTestApp('sqlite', {
      CONNECTOR_PACKAGES: '@urikiri/connector-testshop,acme-connector',
      CONNECTORS_DIR: dir,
      OUTBOX_RELAY_INTERVAL_MS: '50',
    });
    const connectors = await api.call<Array<{ id: string }>>('GET', '/api/v1/channels/connectors');
    expect(connectors.body.map((c) => c.id)).toEqual(['acme', 'testshop']);

    const refused = await api.call<{ issues: Array<{ path: string }> }>('POST', '/api/v1/channels/accounts', {
      body: { id: 'acme-main', connector: 'acme', displayName: 'ACME', credentials: { apiKey: 'short' } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.issues.map((i) => i.path)).toEqual(['credentials.apiKey']);
    expect(refused.text).not.toContain('short');

    const created = await api.call('POST', '/api/v1/channels/accounts', {
      body: { id: 'acme-main', connector: 'acme', displayName: 'ACME', credentials: { apiKey: 'a-long-enough-key' } },
    });
    expect(created.status).toBe(201);
    await eventually(async () => (await api?.call<{ cutoverAt: string | null }>('GET', '/api/v1/channels/accounts/acme-main'))?.body.cutoverAt, (at) => !!at);
    await api.call('POST', '/api/v1/locations', { body: { code: 'WH', name: 'Main' } });
    await api.call('POST', '/api/v1/products', { body: { code: 'KETTLE', name: 'Kettle' } });
    expect((await api.call('POST', '/api/v1/channels/listings', { body: { account: 'acme-main', channelListingId: 'kettle', sku: 'KETTLE' } })).status).toBe(201);
    await api.call('POST', '/api/v1/stock/receive', { body: { sku: 'KETTLE', location: 'WH', quantity: 7, idempotencyKey: 'k1' } });
    const shelf = (globalThis as { __acmeShelf?: Map<string, number> }).__acmeShelf;
    expect(await eventually(async () => shelf?.get('kettle'), (q) => q === 7)).toBe(7);
  });

  it('does not start when a configured package is not installed, and says how to fix it', async () => {
    await expect(startTestApp('sqlite', { CONNECTOR_PACKAGES: 'acme-connector,not-installed-connector', CONNECTORS_DIR: dir })).rejects.toThrow(
      /not-installed-connector.*npm install not-installed-connector/s,
    );
  });

  it('does not start when a stored channel account has no connector any more, naming the account', async () => {
    api = await startTestApp('sqlite', { CONNECTOR_PACKAGES: 'acme-connector', CONNECTORS_DIR: dir });
    await api.call('POST', '/api/v1/channels/accounts', {
      body: { id: 'acme-main', connector: 'acme', displayName: 'ACME', credentials: { apiKey: 'a-long-enough-key' } },
    });
    const first = api;
    await first.stop();
    await expect(startTestApp('sqlite', { CONNECTOR_PACKAGES: '@urikiri/connector-testshop' }, { replicaOf: first })).rejects.toThrow(
      /Channel "acme-main" uses connector "acme".*Fix:/s,
    );
  });
});
