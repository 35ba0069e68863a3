import type { ProductView, ReservationResult, SkuStock } from '@urikiri/inventory';
import { type Dialect, startTestApp, type TestApp } from './support/test-app';

type Body = Record<string, unknown>;
interface Issue {
  path: string;
  message: string;
}

describe.each<Dialect>(['sqlite', 'postgresql'])('HTTP API on %s', (dialect) => {
  let api: TestApp;
  let readKey: string;
  let writeKey: string;
  let keySequence = 0;
  const nextKey = () => `test-${dialect}-${++keySequence}`;

  const stock = async (sku: string) => (await api.call<SkuStock>('GET', `/api/v1/stock/${sku}`)).body;

  beforeAll(async () => {
    api = await startTestApp(dialect);
    readKey = (await api.call<{ key: string }>('POST', '/api/v1/api-keys', { body: { name: 'reader', scopes: ['read'] } })).body.key;
    writeKey = (await api.call<{ key: string }>('POST', '/api/v1/api-keys', { body: { name: 'writer', scopes: ['write'] } })).body.key;
    for (const location of [
      { code: 'WH1', name: '東京倉庫', priority: 10 },
      { code: 'WH2', name: '大阪倉庫', priority: 20 },
      { code: 'RETURNS', name: '返品', sellable: false },
    ]) {
      expect((await api.call('POST', '/api/v1/locations', { body: location, key: writeKey })).status).toBe(201);
    }
    for (const code of ['SKU-A', 'SKU-B']) {
      expect((await api.call('POST', '/api/v1/products', { body: { code, name: `Item ${code}`, tags: ['tea'] }, key: writeKey })).status).toBe(201);
    }
    const bundle = await api.call('POST', '/api/v1/bundles', {
      body: { code: 'SET-AB', name: 'Gift set', components: [{ sku: 'SKU-A', quantity: 1 }, { sku: 'SKU-B', quantity: 2 }] },
      key: writeKey,
    });
    expect(bundle.status).toBe(201);
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('open routes', () => {
    it('answers /health without a key, with the database and Redis up', async () => {
      const health = await api.call<Body>('GET', '/health', { key: null });
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'ok', info: { database: { status: 'up', dialect }, redis: { status: 'up' } } });
    });

    it('serves Swagger UI and an OpenAPI document whose bodies come from the ledger schemas', async () => {
      const ui = await api.call('GET', '/api/docs', { key: null });
      expect(ui.status).toBe(200);
      expect(ui.text).toContain('swagger');
      const document = await api.call<{ paths: Record<string, Record<string, Body>> }>('GET', '/api/docs-json', { key: null });
      expect(document.status).toBe(200);
      const reserve = document.body.paths['/api/v1/reservations']['post'];
      expect(JSON.stringify(reserve['requestBody'])).toContain('"alreadySold"');
      expect(document.body.paths).toHaveProperty(['/api/v1/stock/{sku}', 'get']);
      expect(document.body.paths).toHaveProperty(['/health', 'get']);
    });
  });

  describe('authentication and scopes', () => {
    it('answers 401 without a key, and says how to send one', async () => {
      const response = await api.call<Body>('GET', '/api/v1/products', { key: null });
      expect(response.status).toBe(401);
      expect(response.body['message']).toContain('Authorization: Bearer');
    });

    it('answers 401 to an unknown key', async () => {
      const response = await api.call<Body>('GET', '/api/v1/products', { key: 'uk_not-a-key-at-all-not-a-key-at-all-0000' });
      expect(response.status).toBe(401);
      expect(response.body['message']).toContain('unknown or has been revoked');
    });

    it('answers 403 naming the missing scope, and lets the same key read', async () => {
      const write = await api.call<Body>('POST', '/api/v1/products', { body: { code: 'X', name: 'x' }, key: readKey });
      expect(write.status).toBe(403);
      expect(write.body['message']).toContain('"write" scope');
      expect((await api.call('GET', '/api/v1/products', { key: readKey })).status).toBe(200);
      const admin = await api.call<Body>('POST', '/api/v1/admin/replay/verify', { key: writeKey });
      expect(admin.status).toBe(403);
      expect(admin.body['message']).toContain('"admin" scope');
    });

    it('lists keys by prefix only, and a revoked key is refused from then on', async () => {
      const created = await api.call<{ id: number; key: string; prefix: string }>('POST', '/api/v1/api-keys', {
        body: { name: 'short-lived', scopes: ['read'] },
      });
      expect(created.status).toBe(201);
      expect(created.body.key.startsWith(created.body.prefix)).toBe(true);
      const list = await api.call<Body[]>('GET', '/api/v1/api-keys');
      expect(list.body.map((key) => key['prefix'])).toContain(created.body.prefix);
      expect(list.text).not.toContain(created.body.key);
      expect((await api.call('GET', '/api/v1/products', { key: created.body.key })).status).toBe(200);
      expect((await api.call('DELETE', `/api/v1/api-keys/${created.body.id}`)).status).toBe(200);
      expect((await api.call('GET', '/api/v1/products', { key: created.body.key })).status).toBe(401);
    });

    it('refuses an API key with an unknown scope, naming the field', async () => {
      const response = await api.call<{ issues: Issue[] }>('POST', '/api/v1/api-keys', { body: { name: 'x', scopes: ['root'] } });
      expect(response.status).toBe(400);
      expect(response.body.issues[0].path).toBe('scopes[0]');
      expect(response.body.issues[0].message).toMatch(/read.*write.*admin/);
    });
  });

  describe('catalogue', () => {
    it('gets a product and a bundle with its components, and lists with search and paging', async () => {
      expect((await api.call<ProductView>('GET', '/api/v1/products/SKU-A')).body).toMatchObject({ code: 'SKU-A', kind: 'sku' });
      const bundle = await api.call<ProductView>('GET', '/api/v1/products/SET-AB');
      expect(bundle.body.components).toEqual([{ sku: 'SKU-A', quantity: 1 }, { sku: 'SKU-B', quantity: 2 }]);
      const page = await api.call<{ items: ProductView[]; total: number }>('GET', '/api/v1/products?search=SKU-&limit=1&offset=1');
      expect(page.body.total).toBe(2);
      expect(page.body.items.map((p) => p.code)).toEqual(['SKU-B']);
      const bundles = await api.call<{ items: ProductView[] }>('GET', '/api/v1/products?kind=bundle');
      expect(bundles.body.items.map((p) => p.code)).toEqual(['SET-AB']);
    });

    it('answers 409 to a duplicate code', async () => {
      const response = await api.call<Body>('POST', '/api/v1/products', { body: { code: 'SKU-A', name: 'again' }, key: writeKey });
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'duplicate', key: 'SKU-A' });
    });

    it('answers 400 naming the field, and writes nothing of a bundle with an unknown component', async () => {
      const response = await api.call<{ issues: Issue[] }>('POST', '/api/v1/bundles', {
        body: { code: 'SET-BAD', name: 'Bad set', components: [{ sku: 'SKU-A', quantity: 1 }, { sku: 'NOPE', quantity: 1 }] },
        key: writeKey,
      });
      expect(response.status).toBe(400);
      expect(response.body.issues).toEqual([expect.objectContaining({ path: 'components[1].sku' })]);
      expect((await api.call('GET', '/api/v1/products/SET-BAD')).status).toBe(404);
    });

    it('answers 404 to an unknown product', async () => {
      const response = await api.call<Body>('GET', '/api/v1/products/NOPE');
      expect(response.status).toBe(404);
      expect(response.body['message']).toContain('NOPE');
    });

    it('lists locations in the order reservations draw from them', async () => {
      const locations = await api.call<Body[]>('GET', '/api/v1/locations');
      expect(locations.body.map((l) => l['code'])).toEqual(['WH1', 'WH2', 'RETURNS']);
    });
  });

  describe('stock commands', () => {
    it('receives units and shows them per location', async () => {
      const key = nextKey();
      const response = await api.call<Body>('POST', '/api/v1/stock/receive', {
        body: { sku: 'SKU-A', location: 'WH1', quantity: 10 },
        headers: { 'Idempotency-Key': key },
        key: writeKey,
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ sku: 'SKU-A', location: 'WH1', onHandDelta: 10 });
      const a = await stock('SKU-A');
      expect(a).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
      expect(a.locations).toEqual([expect.objectContaining({ location: 'WH1', onHand: 10, available: 10 })]);
    });

    it('replays the same key without changing stock again, and refuses it with another body', async () => {
      const key = nextKey();
      const request = { body: { sku: 'SKU-B', location: 'WH1', quantity: 20, idempotencyKey: key }, key: writeKey };
      const first = await api.call('POST', '/api/v1/stock/receive', request);
      const again = await api.call('POST', '/api/v1/stock/receive', request);
      expect(again.status).toBe(first.status);
      expect(again.body).toEqual(first.body);
      expect((await stock('SKU-B')).onHand).toBe(20);
      const movements = await api.call<{ items: Body[] }>('GET', '/api/v1/movements?sku=SKU-B');
      expect(movements.body.items.filter((m) => m['idempotencyKey'] === key)).toHaveLength(1);

      const changed = await api.call<Body>('POST', '/api/v1/stock/receive', {
        body: { sku: 'SKU-B', location: 'WH1', quantity: 21, idempotencyKey: key },
        key: writeKey,
      });
      expect(changed.status).toBe(409);
      expect(changed.body['code']).toBe('idempotency_key_reused');
      expect((await stock('SKU-B')).onHand).toBe(20);
    });

    it('answers 400 naming the field and what is accepted', async () => {
      const response = await api.call<{ code: string; issues: Issue[] }>('POST', '/api/v1/stock/receive', {
        body: { sku: 'SKU-A', location: 'WH1', quantity: 'ten', idempotencyKey: nextKey() },
        key: writeKey,
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.issues).toEqual([{ path: 'quantity', message: 'must be a whole number of units' }]);
    });

    it('needs an idempotency key, from the header or the body, and refuses two different ones', async () => {
      const missing = await api.call<{ issues: Issue[] }>('POST', '/api/v1/stock/receive', {
        body: { sku: 'SKU-A', location: 'WH1', quantity: 1 },
        key: writeKey,
      });
      expect(missing.status).toBe(400);
      expect(missing.body.issues[0]).toMatchObject({ path: 'idempotencyKey', message: expect.stringContaining('Idempotency-Key') });
      const both = await api.call<{ issues: Issue[] }>('POST', '/api/v1/stock/receive', {
        body: { sku: 'SKU-A', location: 'WH1', quantity: 1, idempotencyKey: 'one' },
        headers: { 'Idempotency-Key': 'two' },
        key: writeKey,
      });
      expect(both.status).toBe(400);
      expect(both.body.issues[0].path).toBe('idempotencyKey');
    });

    it('answers 404 to an unknown SKU or location', async () => {
      const sku = await api.call<Body>('POST', '/api/v1/stock/receive', {
        body: { sku: 'NOPE', location: 'WH1', quantity: 1, idempotencyKey: nextKey() },
        key: writeKey,
      });
      expect(sku.status).toBe(404);
      const location = await api.call<Body>('POST', '/api/v1/stock/receive', {
        body: { sku: 'SKU-A', location: 'NOWHERE', quantity: 1, idempotencyKey: nextKey() },
        key: writeKey,
      });
      expect(location.status).toBe(404);
      expect((await api.call('GET', '/api/v1/stock/NOPE')).status).toBe(404);
    });

    it('transfers, adjusts and takes returns, each a movement', async () => {
      expect((await api.call('POST', '/api/v1/stock/transfer', { body: { sku: 'SKU-A', from: 'WH1', to: 'WH2', quantity: 2, idempotencyKey: nextKey() }, key: writeKey })).status).toBe(200);
      expect((await api.call('POST', '/api/v1/stock/adjust', { body: { sku: 'SKU-A', location: 'WH2', delta: -1, reason: 'damaged', idempotencyKey: nextKey() }, key: writeKey })).status).toBe(200);
      expect((await api.call('POST', '/api/v1/stock/return', { body: { sku: 'SKU-A', location: 'RETURNS', quantity: 1, idempotencyKey: nextKey() }, key: writeKey })).status).toBe(200);
      const a = await stock('SKU-A');
      expect(a).toMatchObject({ onHand: 10, available: 9 });
      expect(Object.fromEntries(a.locations.map((l) => [l.location, l.onHand]))).toEqual({ WH1: 8, WH2: 1, RETURNS: 1 });
    });

    it('refuses to adjust below what is there with 409', async () => {
      const response = await api.call<Body>('POST', '/api/v1/stock/adjust', {
        body: { sku: 'SKU-A', location: 'WH2', delta: -50, reason: 'lost', idempotencyKey: nextKey() },
        key: writeKey,
      });
      expect(response.status).toBe(409);
    });
  });

  describe('reservations', () => {
    it('answers 409 with the available figure when the units are not there, changing nothing', async () => {
      const before = await stock('SKU-A');
      const response = await api.call<Body>('POST', '/api/v1/reservations', {
        body: { sku: 'SKU-A', quantity: 500, order: { orderId: 'O-BIG', lineId: '1' }, idempotencyKey: nextKey() },
        key: writeKey,
      });
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'insufficient_stock', sku: 'SKU-A', requested: 500, available: before.available });
      expect(await stock('SKU-A')).toEqual(before);
    });

    it('reserves, commits and releases', async () => {
      const before = await stock('SKU-A');
      const held = await api.call<ReservationResult>('POST', '/api/v1/reservations', {
        body: { sku: 'SKU-A', quantity: 3, order: { channel: 'rakuten', orderId: 'O-1', lineId: '1' }, idempotencyKey: nextKey() },
        key: writeKey,
      });
      expect(held.status).toBe(201);
      expect(held.body.status).toBe('held');
      expect(await stock('SKU-A')).toMatchObject({ reserved: before.reserved + 3, available: before.available - 3 });

      const committed = await api.call<ReservationResult>('POST', `/api/v1/reservations/${held.body.reservationId}/commit`, {
        headers: { 'Idempotency-Key': nextKey() },
        key: writeKey,
      });
      expect(committed.status).toBe(200);
      expect(committed.body.status).toBe('committed');
      expect(await stock('SKU-A')).toMatchObject({ onHand: before.onHand - 3, reserved: before.reserved, available: before.available - 3 });

      const other = await api.call<ReservationResult>('POST', '/api/v1/reservations', {
        body: { sku: 'SKU-A', quantity: 2, order: { orderId: 'O-2', lineId: '1' }, idempotencyKey: nextKey() },
        key: writeKey,
      });
      const released = await api.call<ReservationResult>('POST', `/api/v1/reservations/${other.body.reservationId}/release`, {
        body: { idempotencyKey: nextKey(), reason: 'cancelled' },
        key: writeKey,
      });
      expect(released.body.status).toBe('released');
      expect((await stock('SKU-A')).available).toBe(before.available - 3);

      const twice = await api.call<Body>('POST', `/api/v1/reservations/${other.body.reservationId}/commit`, {
        body: { idempotencyKey: nextKey() },
        key: writeKey,
      });
      expect(twice.status).toBe(409);
      expect(twice.body['code']).toBe('invalid_state');
    });

    it('refuses a misspelt field with 400 naming it and the accepted ones, and commits nothing', async () => {
      const before = await stock('SKU-A');
      const held = await api.call<ReservationResult>('POST', '/api/v1/reservations', {
        body: { sku: 'SKU-A', quantity: 3, order: { orderId: 'O-TYPO', lineId: '1' }, idempotencyKey: nextKey() },
        key: writeKey,
      });
      const typo = await api.call<{ issues: Issue[] }>('POST', `/api/v1/reservations/${held.body.reservationId}/commit`, {
        body: { idempotencyKey: nextKey(), quantiy: 1 },
        key: writeKey,
      });
      expect(typo.status).toBe(400);
      expect(typo.body.issues).toEqual([{ path: 'quantiy', message: expect.stringContaining('accepted fields: idempotencyKey, reservationId, quantity') }]);
      expect(await stock('SKU-A')).toMatchObject({ onHand: before.onHand, reserved: before.reserved + 3 });

      const nested = await api.call<{ issues: Issue[] }>('POST', '/api/v1/reservations', {
        body: { sku: 'SKU-A', quantity: 1, order: { orderId: 'O-TYPO-2', lineId: '1', chanel: 'rakuten' }, idempotencyKey: nextKey() },
        key: writeKey,
      });
      expect(nested.status).toBe(400);
      expect(nested.body.issues).toEqual([{ path: 'order.chanel', message: expect.stringContaining('accepted fields: channel, orderId, lineId') }]);
      const location = await api.call<{ issues: Issue[] }>('POST', '/api/v1/locations', { body: { code: 'WH9', name: 'x', sellabel: false }, key: writeKey });
      expect(location.status).toBe(400);
      expect(location.body.issues.map((issue) => issue.path)).toEqual(['sellabel']);
    });

    it('answers 404 to an unknown reservation', async () => {
      const response = await api.call('POST', '/api/v1/reservations/00000000-0000-0000-0000-000000000000/release', {
        body: { idempotencyKey: nextKey() },
        key: writeKey,
      });
      expect(response.status).toBe(404);
    });

    it('reserves a bundle as its components, and derives its availability', async () => {
      const set = await stock('SET-AB');
      const a = await stock('SKU-A');
      const b = await stock('SKU-B');
      expect(set.available).toBe(Math.min(a.available, Math.floor(b.available / 2)));
      const held = await api.call<ReservationResult>('POST', '/api/v1/reservations', {
        body: { sku: 'SET-AB', quantity: 2, order: { orderId: 'O-SET', lineId: '1' }, idempotencyKey: nextKey() },
        key: writeKey,
      });
      expect(held.status).toBe(201);
      const bySku = held.body.allocations.reduce<Record<string, number>>((sum, line) => ({ ...sum, [line.sku]: (sum[line.sku] ?? 0) + line.quantity }), {});
      expect(bySku).toEqual({ 'SKU-A': 2, 'SKU-B': 4 });
      expect((await stock('SKU-B')).available).toBe(b.available - 4);
    });

    it('records an oversell when the channel has already sold the units, and counts it', async () => {
      const available = (await stock('SKU-B')).available;
      const response = await api.call<ReservationResult>('POST', '/api/v1/reservations', {
        body: {
          sku: 'SKU-B',
          quantity: available + 3,
          alreadySold: true,
          order: { channel: 'amazon', orderId: 'O-OVER', lineId: '1' },
          idempotencyKey: nextKey(),
        },
        key: writeKey,
      });
      expect(response.status).toBe(201);
      expect(response.body.status).toBe('backordered');
      expect(response.body.backordered).toEqual([{ sku: 'SKU-B', quantity: 3 }]);
      expect((await api.call('GET', '/api/v1/backorders/count')).body).toMatchObject({ events: 1, units: 3, openUnits: 3 });
      const list = await api.call<Body[]>('GET', '/api/v1/backorders?status=open', { key: readKey });
      expect(list.body).toEqual([expect.objectContaining({ sku: 'SKU-B', openQuantity: 3, orderId: 'O-OVER', channel: 'amazon' })]);
      expect((await stock('SKU-B')).available).toBe(0);
    });
  });

  describe('purchase orders', () => {
    it('reads a zone-less expected arrival in Japan time and receives against the order, filling backorders first', async () => {
      const created = await api.call<Body>('POST', '/api/v1/purchase-orders', {
        body: { reference: 'PO-1', sku: 'SKU-B', location: 'WH1', quantity: 10, expectedAt: '2026-12-04 20:00' },
        key: writeKey,
      });
      expect(created.status).toBe(201);
      expect(created.body['expectedAt']).toBe('2026-12-04T11:00:00.000Z');
      const received = await api.call<Body>('POST', '/api/v1/purchase-orders/PO-1/receive', {
        body: { quantity: 10 },
        headers: { 'Idempotency-Key': nextKey() },
        key: writeKey,
      });
      expect(received.status).toBe(200);
      expect(received.body['backorderFilled']).toBe(3);
      const orders = await api.call<Body[]>('GET', '/api/v1/purchase-orders?sku=SKU-B');
      expect(orders.body).toEqual([expect.objectContaining({ reference: 'PO-1', receivedQuantity: 10, status: 'received' })]);
      expect((await api.call('GET', '/api/v1/backorders/count')).body).toMatchObject({ openUnits: 0 });
      expect((await stock('SKU-B')).available).toBe(7);
    });

    it('answers 404 to an unknown purchase order and 400 to a bad date', async () => {
      const unknown = await api.call('POST', '/api/v1/purchase-orders/PO-NOPE/receive', { body: { quantity: 1, idempotencyKey: nextKey() }, key: writeKey });
      expect(unknown.status).toBe(404);
      const badDate = await api.call<{ issues: Issue[] }>('POST', '/api/v1/purchase-orders', {
        body: { reference: 'PO-2', sku: 'SKU-B', location: 'WH1', quantity: 1, expectedAt: 'next week' },
        key: writeKey,
      });
      expect(badDate.status).toBe(400);
      expect(badDate.body.issues[0]).toEqual({ path: 'expectedAt', message: 'must be an ISO-8601 date-time' });
    });
  });

  describe('movement history', () => {
    it('pages newest first with filters', async () => {
      const first = await api.call<{ items: Body[]; nextBefore: number | null }>('GET', '/api/v1/movements?sku=SKU-A&limit=2');
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextBefore).not.toBeNull();
      const second = await api.call<{ items: Body[] }>('GET', `/api/v1/movements?sku=SKU-A&limit=2&before=${first.body.nextBefore}`);
      expect(Number(second.body.items[0]['id'])).toBeLessThan(Number(first.body.items[1]['id']));
      const receipts = await api.call<{ items: Body[] }>('GET', '/api/v1/movements?kind=receipt&location=WH1');
      expect(receipts.body.items.every((m) => m['kind'] === 'receipt' && m['location'] === 'WH1')).toBe(true);
      const bad = await api.call<{ issues: Issue[] }>('GET', '/api/v1/movements?limit=0');
      expect(bad.status).toBe(400);
      expect(bad.body.issues[0].path).toBe('limit');
    });
  });

  describe('CSV import and export', () => {
    const products = 'code,name,jan,tags\nCSV-1,Green tea,4901234567894,tea|green\nbad code!,Broken,,\nCSV-2,Black tea,,tea\n';

    it('reports every bad row with its column and imports nothing', async () => {
      const response = await api.call<{ imported: number; errors: Body[] }>('POST', '/api/v1/csv/products', { csv: products, key: writeKey });
      expect(response.status).toBe(400);
      expect(response.body.imported).toBe(0);
      expect(response.body.errors).toEqual([expect.objectContaining({ row: 3, column: 'code' })]);
      expect((await api.call('GET', '/api/v1/products/CSV-1')).status).toBe(404);
    });

    it('checks without writing on a dry run, then imports and exports', async () => {
      const good = products.replace('bad code!,Broken,,\n', '');
      const dry = await api.call<Body>('POST', '/api/v1/csv/products?dryRun=true', { csv: good, key: writeKey });
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({ dryRun: true, rows: 2, imported: 0, errors: [] });
      expect((await api.call('GET', '/api/v1/products/CSV-1')).status).toBe(404);
      const done = await api.call<Body>('POST', '/api/v1/csv/products', { csv: good, key: writeKey });
      expect(done.body).toMatchObject({ imported: 2, errors: [] });
      const exported = await api.call('GET', '/api/v1/csv/products', { key: readKey });
      expect(exported.headers.get('content-type')).toContain('text/csv');
      expect(exported.text.split('\n')[0]).toBe('code,name,jan,tags');
      expect(exported.text).toContain('CSV-1,Green tea,4901234567894,tea|green');
    });

    it('answers 400 to an unknown kind, 415 to a body that is not CSV', async () => {
      const kind = await api.call<{ issues: Issue[] }>('POST', '/api/v1/csv/customers', { csv: 'a\n1\n', key: writeKey });
      expect(kind.status).toBe(400);
      expect(kind.body.issues[0].path).toBe('kind');
      const json = await api.call('POST', '/api/v1/csv/products', { body: { code: 'x' }, key: writeKey });
      expect(json.status).toBe(415);
    });
  });

  describe('replay verification', () => {
    it('finds the snapshot equal to the movements replayed, from the last checkpoint', async () => {
      const report = await api.call<Body>('POST', '/api/v1/admin/replay/verify');
      expect(report.status).toBe(200);
      expect(report.body).toMatchObject({ consistent: true, mismatches: [] });
      const checkpoint = await api.call<{ movementId: number }>('POST', '/api/v1/admin/replay/checkpoint');
      expect(checkpoint.status).toBe(200);
      expect(checkpoint.body.movementId).toBeGreaterThan(0);
      const again = await api.call<Body>('POST', '/api/v1/admin/replay/verify');
      expect(again.body).toMatchObject({ consistent: true, fromMovementId: checkpoint.body.movementId, movementsReplayed: 0 });
    });
  });
});
