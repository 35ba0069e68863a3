import { z } from 'zod';
import { validateManifest } from '../manifest/validate-manifest';
import { createSandboxServer, type SandboxServer } from '../sandbox/sandbox-server';
import { jsonResponse } from '../sandbox/sandbox-http';
import { BaseConnector } from './base-connector';
import type { ConnectorContext } from './channel-connector';
import type { PushItem, PushResult, ReadResult } from './connector.types';

const fastLimit = { kind: 'token-bucket', ratePerSecond: 1000, burst: 1000 } as const;

/** The smallest absolute-write connector: one POST per chunk, an API key header. */
class KeyConnector extends BaseConnector<{ apiKey: string }> {
  static readonly id = 'key-shop';
  static readonly credentials = z.object({ apiKey: z.string().min(1) });
  static readonly manifest = validateManifest({
    id: 'key-shop',
    displayName: 'Key shop',
    sdkRange: '^1.0.0',
    auth: { mode: 'api-key' },
    credentials: [{ name: 'apiKey', label: 'API key', secret: true }],
    rateLimits: { push: fastLimit, read: fastLimit, catalogue: fastLimit, orders: fastLimit },
    bulk: { push: 2, read: 2, catalogue: 2, orders: 2 },
    maxQuantity: 100,
    pushSemantics: ['absolute'],
    stockLoweredOn: 'order-created',
    orderDelivery: { webhook: false, polling: true },
  });

  constructor(context: ConnectorContext) {
    super(KeyConnector, context);
  }

  protected async authHeaders(): Promise<Record<string, string>> {
    return { 'x-api-key': this.credentials.apiKey };
  }

  protected async pushChunk(items: PushItem[]): Promise<PushResult[]> {
    await this.send('push', { method: 'POST', url: '/set', data: items });
    return items.map((i) => ({ listingId: i.listingId, version: i.version, status: 'ok', channelQuantity: i.target }));
  }

  protected async readChunk(listingIds: string[]): Promise<ReadResult[]> {
    return listingIds.map((listingId) => ({ listingId, found: false }));
  }

  async listCatalogue() {
    return { listings: [], nextCursor: null };
  }

  async fetchOrders(cursor: string | null) {
    return { events: [], nextCursor: cursor ?? '0', hasMore: false };
  }

  async checkListingSettings() {
    return [];
  }
}

describe('BaseConnector', () => {
  let server: SandboxServer;
  let connector: KeyConnector;
  const item = (listingId: string, target: number): PushItem => ({ listingId, target, lastPublished: null, version: 1 });

  beforeEach(async () => {
    server = await createSandboxServer({
      routes: [
        {
          method: 'POST',
          path: '/set',
          operation: 'push',
          handler: (req) => (req.headers['x-api-key'] === 'good' ? jsonResponse(200, {}) : jsonResponse(401, {})),
        },
      ],
    });
    connector = new KeyConnector({ credentials: { apiKey: 'good' }, baseUrl: server.url });
  });
  afterEach(() => server.close());

  it('cuts a batch to the bulk size and keeps results in input order', async () => {
    const results = await connector.push([item('a', 1), item('b', 2), item('c', 3)]);
    expect(results.map((r) => [r.listingId, r.status])).toEqual([
      ['a', 'ok'],
      ['b', 'ok'],
      ['c', 'ok'],
    ]);
    expect(server.requests.entries('push')).toHaveLength(2);
  });

  it('refuses a target above the channel maximum for that item only', async () => {
    const results = await connector.push([item('a', 101), item('b', 100)]);
    expect(results[0]).toMatchObject({ status: 'permanent', code: 'above-max-quantity' });
    expect(results[1].status).toBe('ok');
  });

  it('marks the rest of a batch rate-limited after a 429 instead of calling again', async () => {
    server.faults.next('push', { kind: 'rate-limit', retryAfterSeconds: 30 });
    const results = await connector.push([item('a', 1), item('b', 1), item('c', 1), item('d', 1)]);
    expect(results.map((r) => r.status)).toEqual(['rate-limited', 'rate-limited', 'rate-limited', 'rate-limited']);
    expect(results[3]).toMatchObject({ retryAfterMs: 30_000 });
    expect(server.requests.entries('push')).toHaveLength(1);
  });

  it('marks the rest of a batch retryable with the wait after a maintenance answer, without calling again', async () => {
    server.faults.startMaintenance(45);
    const results = await connector.push([item('a', 1), item('b', 1), item('c', 1)]);
    expect(results.map((r) => [r.status, r.status === 'retryable' ? r.retryAfterMs : null])).toEqual([
      ['retryable', 45_000],
      ['retryable', 45_000],
      ['retryable', 45_000],
    ]);
    expect(server.requests.entries('push')).toHaveLength(1);
  });

  it('tries the rest of a batch after a server error that named no wait', async () => {
    server.faults.next('push', { kind: 'server-error', status: 502 });
    const results = await connector.push([item('a', 1), item('b', 1), item('c', 1)]);
    expect(results.map((r) => r.status)).toEqual(['retryable', 'retryable', 'ok']);
    expect(results[0]).not.toHaveProperty('retryAfterMs');
    expect(server.requests.entries('push')).toHaveLength(2);
  });

  it('does not retry a refused static key', async () => {
    const refused = new KeyConnector({ credentials: { apiKey: 'bad' }, baseUrl: server.url });
    expect((await refused.push([item('a', 1)]))[0].status).toBe('auth');
    expect(server.requests.entries('push')).toHaveLength(1);
  });

  it('refuses a malformed batch with every bad field named', async () => {
    await expect(
      connector.push([
        { listingId: 'a', target: 1.5, lastPublished: -1, version: 1 },
        { listingId: 'a', target: 1, lastPublished: null, version: 2 },
      ]),
    ).rejects.toThrow(/items\[0\]\.target.*\n.*items\[0\]\.lastPublished.*\n.*items\[1\]\.listingId: "a" appears twice/);
  });

  it('refuses webhooks when the channel has none, and credentials that do not fit the schema', () => {
    expect(() => connector.parseWebhook({ headers: {}, body: '' })).toThrow('does not receive webhooks');
    expect(() => new KeyConnector({ credentials: { apiKey: '' }, baseUrl: server.url })).toThrow(
      /apiKey: .*\n.*Expected fields: apiKey \(API key, secret\)/,
    );
    expect(() => new KeyConnector({ credentials: { apiKey: 'k' } })).toThrow('give the channel account a baseUrl');
  });
});
