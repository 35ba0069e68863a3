import type { ChannelSandbox } from '@urikiri/connector-sdk/testing';
import { createTestshopSandbox } from '@urikiri/connector-testshop/sandbox';
import { AUDIT_KINDS } from '../../src/audit/audit-kinds';
import { connectShop, mapListing } from '../support/sync-fixture';
import { startTestApp, type Dialect, type TestApp } from '../support/test-app';

interface AuditView {
  id: number;
  at: string;
  kind: string;
  actor: { keyId: number | null; name: string | null };
  method: string;
  path: string;
  target: string | null;
  detail: Record<string, unknown> | null;
  status: number;
}

interface AuditPage {
  items: AuditView[];
  nextBefore: number | null;
}

describe.each<Dialect>(['postgresql', 'sqlite'])('the audit log on %s', (dialect) => {
  let app: TestApp;
  let shop: ChannelSandbox;
  let operator: { id: number; key: string };

  async function ok(method: string, path: string, body?: unknown, key = operator.key): Promise<Record<string, unknown>> {
    const answer = await app.call(method, path, { key, ...(body === undefined ? {} : { body }) });
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.text}`);
    return answer.body;
  }

  const audit = async (query = '') => (await app.call<AuditPage>('GET', `/api/v1/audit${query}`)).body;

  beforeAll(async () => {
    app = await startTestApp(dialect);
    shop = await createTestshopSandbox({ seed: 41 });
    // The changes below are made by an operator's own key; the bootstrap admin key only reads the log.
    operator = (await app.call<{ id: number; key: string }>('POST', '/api/v1/api-keys', { body: { name: 'night shift', scopes: ['admin'] } })).body;

    await ok('POST', '/api/v1/locations', { code: 'WH', name: 'warehouse' });
    await ok('POST', '/api/v1/locations', { code: 'RET', name: 'returns', sellable: false });
    await ok('POST', '/api/v1/products', { code: 'TEA', name: 'tea' });
    await ok('POST', '/api/v1/stock/receive', { idempotencyKey: 'r1', sku: 'TEA', location: 'WH', quantity: 20 });
    await ok('POST', '/api/v1/stock/adjust', { idempotencyKey: 'a1', sku: 'TEA', location: 'WH', delta: -2, reason: 'damaged', note: 'crushed box' });
    await ok('POST', '/api/v1/stock/transfer', { idempotencyKey: 't1', sku: 'TEA', from: 'WH', to: 'RET', quantity: 1 });
    await ok('POST', '/api/v1/stock/return', { idempotencyKey: 'ret1', sku: 'TEA', location: 'RET', quantity: 1 });
    const held = await ok('POST', '/api/v1/reservations', { idempotencyKey: 'h1', sku: 'TEA', quantity: 1, order: { orderId: 'O-1', lineId: '1' } });
    await ok('POST', `/api/v1/reservations/${String(held['reservationId'])}/release`, { idempotencyKey: 'rel1', reason: 'cancelled' });
    await ok('PUT', '/api/v1/rules', { version: 1, mode: 'shared', rules: [{ id: 'all', mode: 'shared' }] });
    const asOperator: TestApp = { ...app, call: (method, path, options = {}) => app.call(method, path, { key: operator.key, ...options }) };
    await connectShop(asOperator, 'shop-a', shop);
    await ok('POST', '/api/v1/channels/accounts/shop-a/stop', { reason: 'price check' });
    await ok('POST', '/api/v1/channels/accounts/shop-a/resume');
    const listing = await mapListing(asOperator, 'shop-a', shop, 'L-1', 'TEA');
    await ok('POST', `/api/v1/channels/listings/${listing}/stop`);
    await ok('POST', `/api/v1/channels/listings/${listing}/resume`);
    await ok('POST', `/api/v1/channels/listings/${listing}/retry`);
    const created = await ok('POST', '/api/v1/api-keys', { name: 'integration', scopes: ['write'] });
    await ok('DELETE', `/api/v1/api-keys/${String(created['id'])}`);
  }, 120_000);

  afterAll(async () => {
    await shop?.close();
    await app?.close();
  });

  it('records every stock correction, release, rule change, account, listing and key change, with the key that made it', async () => {
    const { items } = await audit('?limit=1000');
    const kinds = items.map((entry) => entry.kind).reverse();
    for (const kind of [
      'stock.receive', 'stock.adjust', 'stock.transfer', 'stock.return', 'reservation.release', 'rules.activate',
      'channel_account.create', 'channel_account.stop', 'channel_account.resume',
      'listing.create', 'listing.stop', 'listing.resume', 'listing.retry', 'api_key.create', 'api_key.revoke',
    ]) {
      expect(kinds).toContain(kind);
    }
    const byOperator = items.filter((entry) => entry.actor.keyId === operator.id);
    expect(byOperator.length).toBe(items.length - 1);
    expect(byOperator[0].actor.name).toMatch(/^night shift \(uk_.{8}…\)$/);
    const adjust = items.find((entry) => entry.kind === 'stock.adjust');
    expect(adjust).toMatchObject({ method: 'POST', path: '/api/v1/stock/adjust', target: 'TEA', status: 200, detail: { location: 'WH', delta: -2, reason: 'damaged', note: 'crushed box', idempotencyKey: 'a1' } });
    expect(items.find((entry) => entry.kind === 'channel_account.stop')).toMatchObject({ target: 'shop-a', detail: { reason: 'price check' } });
    expect(items.find((entry) => entry.kind === 'rules.activate')?.target).toMatch(/^\d+$/);
  });

  it('keeps no credentials and no API key, only what identifies the change', async () => {
    const text = JSON.stringify(await audit('?limit=1000'));
    for (const secret of Object.values(shop.credentials()).filter((value) => value.length > 16)) expect(text).not.toContain(secret);
    expect(text).not.toContain(operator.key);
    expect(text).not.toContain(app.adminKey);
    expect((await audit('?kind=channel_account.create')).items[0].detail).toEqual({ connector: 'testshop', displayName: 'shop-a', baseUrl: shop.url });
  });

  it('leaves no entry for a refused change', async () => {
    const before = (await audit('?limit=1000')).items.length;
    expect((await app.call('POST', '/api/v1/stock/adjust', { body: { idempotencyKey: 'x', sku: 'NOPE', location: 'WH', delta: 1, reason: 'found' } })).status).toBe(404);
    expect((await app.call('POST', '/api/v1/stock/adjust', { body: { idempotencyKey: 'y', sku: 'TEA', location: 'WH', delta: 'many', reason: 'found' } })).status).toBe(400);
    expect((await app.call('POST', '/api/v1/stock/adjust', { key: null, body: { idempotencyKey: 'z', sku: 'TEA', location: 'WH', delta: 1, reason: 'found' } })).status).toBe(401);
    expect((await audit('?limit=1000')).items.length).toBe(before);
  });

  it('filters by kind or family, time and key, and pages newest first', async () => {
    expect((await audit('?kind=stock')).items.map((e) => e.kind).sort()).toEqual(['stock.adjust', 'stock.receive', 'stock.return', 'stock.transfer']);
    expect((await audit('?kind=rules.activate,api_key.revoke')).items.map((e) => e.kind).sort()).toEqual(['api_key.revoke', 'rules.activate']);
    expect((await audit('?from=2099-01-01T00:00:00Z')).items).toEqual([]);
    expect((await audit(`?to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}&actor=${operator.id}`)).items.length).toBeGreaterThan(10);
    const first = await audit('?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.items[0].id).toBeGreaterThan(first.items[1].id);
    const second = await audit(`?limit=2&before=${first.nextBefore}`);
    expect(second.items[0].id).toBeLessThan(first.items[1].id);
  });

  it('is for admins only, and names a wrong filter', async () => {
    const reader = (await app.call<{ key: string }>('POST', '/api/v1/api-keys', { body: { name: 'reader', scopes: ['write'] } })).body.key;
    expect((await app.call('GET', '/api/v1/audit', { key: reader })).status).toBe(403);
    const wrong = await app.call<{ code: string; issues: { path: string }[] }>('GET', '/api/v1/audit?kind=stock.steal');
    expect(wrong.status).toBe(400);
    expect(wrong.body.issues[0].path).toBe('kind');
    expect((await app.call<{ issues: { path: string }[] }>('GET', '/api/v1/audit?from=2026-02-30')).body.issues[0].path).toBe('from');
    expect(AUDIT_KINDS.length).toBeGreaterThan(20);
  });
});
