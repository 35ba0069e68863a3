import type { PushItem } from '@urikiri/connector-sdk';
import { RakutenConnector } from './rakuten.connector';
import { createRakutenSandbox, type RakutenSandbox } from './sandbox/rakuten.sandbox';

describe('Rakuten inventory sync', () => {
  let sandbox: RakutenSandbox;
  let connector: RakutenConnector;
  let version = 0;
  const item = (listingId: string, target: number, lastPublished: number | null): PushItem => ({ listingId, target, lastPublished, version: ++version });
  const listing = (listingId: string, quantity: number) => sandbox.stock.upsertListing({ listingId, quantity, sellerSku: listingId.toUpperCase() });

  beforeEach(async () => {
    sandbox = await createRakutenSandbox({ seed: 3 });
    connector = new RakutenConnector({ credentials: sandbox.credentials(), baseUrl: sandbox.url, timeoutMs: 1000 });
  });
  afterEach(() => sandbox.close());

  it('sends changes, so a sale Rakuten made before urikiri ingested it stays subtracted', async () => {
    listing('tee:red-m', 10);
    sandbox.stock.createOrder({ lines: [{ listingId: 'tee:red-m', quantity: 4 }] });
    const [restock] = await connector.push([item('tee:red-m', 15, 10)]);
    expect(restock.status).toBe('ok');
    expect(sandbox.stock.quantity('tee:red-m')).toBe(11);
  });

  it('sets a new SKU absolutely and creates its inventory record, but changes an existing one from what it read', async () => {
    sandbox.stock.registerVariant({ listingId: 'tee:blue-s' });
    listing('tee:blue-m', 5);
    const results = await connector.push([item('tee:blue-s', 7, null), item('tee:blue-m', 8, null)]);
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(sandbox.stock.quantity('tee:blue-s')).toBe(7);
    expect(sandbox.stock.inventoryRecord('tee:blue-s')).not.toBeNull();
    expect(sandbox.stock.quantity('tee:blue-m')).toBe(8);
    expect(sandbox.requests.entries('read')).toHaveLength(1);
  });

  it('refuses ids Rakuten would reject before sending anything, saying what is accepted', async () => {
    const results = await connector.push([item('Tee:red', 1, 0), item('tee', 1, 0), item(`tee:${'x'.repeat(33)}`, 1, 0)]);
    expect(results.map((r) => r.status)).toEqual(['permanent', 'permanent', 'permanent']);
    expect(results[0]).toMatchObject({ code: 'invalid-listing-id', message: expect.stringContaining('use "tee:red"') });
    expect(results[1]).toMatchObject({ message: expect.stringContaining('must be "manageNumber:variantId"') });
    expect(results[2]).toMatchObject({ message: expect.stringContaining('Rakuten accepts at most 32') });
    expect(sandbox.requests.entries()).toHaveLength(0);
  });

  it('uses the per-variant PUT for a single change and bulk-upsert for more, 400 a call at most once a second', async () => {
    const ids = Array.from({ length: 401 }, (_, i) => `bulk:v${i}`);
    ids.forEach((id) => listing(id, 0));
    await connector.push([item(ids[0], 3, 0)]);
    const results = await connector.push(ids.map((id, i) => item(id, 2, i === 0 ? 3 : 0)));
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    const pushes = sandbox.requests.entries('push');
    expect(pushes.map((p) => [p.method, p.path, p.itemCount])).toEqual([
      ['PUT', '/es/2.0/inventories/manage-numbers/bulk/variants/v0', 1],
      ['POST', '/es/2.0/inventories/bulk-upsert', 400],
      ['PUT', '/es/2.0/inventories/manage-numbers/bulk/variants/v400', 1],
    ]);
    pushes.slice(1).forEach((p, i) => expect(p.at - pushes[i].at).toBeGreaterThanOrEqual(1000));
    expect(sandbox.stock.quantity(ids[0])).toBe(2);
  });

  it('reports an SKU missing in RMS per item and applies the rest of the batch', async () => {
    listing('cap:black', 1);
    listing('cap:white', 1);
    const results = await connector.push([item('cap:black', 3, 1), item('cap:green', 3, 1), item('cap:white', 3, 1)]);
    expect(results.map((r) => r.status)).toEqual(['ok', 'permanent', 'ok']);
    expect(results[1]).toMatchObject({ code: 'GE0014', message: expect.stringContaining('register this SKU in RMS') });
    expect([sandbox.stock.quantity('cap:black'), sandbox.stock.quantity('cap:white')]).toEqual([3, 3]);
  });

  it('answers stale, writing nothing, when a lowering would take Rakuten below zero because it sold meanwhile', async () => {
    listing('mug:std', 5);
    sandbox.stock.createOrder({ lines: [{ listingId: 'mug:std', quantity: 4 }] });
    const [result] = await connector.push([item('mug:std', 2, 5)]);
    expect(result.status).toBe('stale');
    expect(sandbox.stock.quantity('mug:std')).toBe(1);
  });

  it('writes a sell-out as zero at once, whatever Rakuten sold that we have not heard of', async () => {
    listing('mug:std', 5);
    sandbox.stock.createOrder({ lines: [{ listingId: 'mug:std', quantity: 4 }] });
    const [result] = await connector.push([item('mug:std', 0, 5)]);
    expect(result.status).toBe('ok');
    expect(sandbox.stock.quantity('mug:std')).toBe(0);
  });

  it('never resends a raise whose answer was lost, and resends a lowering, so Rakuten never shows more than the target', async () => {
    listing('bag:a', 4);
    listing('bag:b', 10);
    sandbox.faults.next('push', { kind: 'timeout' });
    expect((await connector.push([item('bag:a', 9, 4)]))[0].status).toBe('retryable');
    expect((await connector.push([item('bag:a', 9, 4)]))[0].status).toBe('ok');
    expect(sandbox.stock.quantity('bag:a')).toBeLessThanOrEqual(9);

    sandbox.faults.next('push', { kind: 'lost-response' });
    expect((await connector.push([item('bag:b', 6, 10)]))[0].status).toBe('retryable');
    expect((await connector.push([item('bag:b', 6, 10)]))[0].status).toBe('ok');
    expect(sandbox.stock.quantity('bag:b')).toBeLessThanOrEqual(6);
  });

  it('drops an assumed lost raise that Rakuten disproves, instead of being refused for ever', async () => {
    listing('cap:a', 3);
    // The raise to 10 times out before RMS saw it: urikiri must assume it landed (never oversell).
    sandbox.faults.next('push', { kind: 'timeout' });
    expect((await connector.push([item('cap:a', 10, 3)]))[0].status).toBe('retryable');
    // Lowering to 2 from the assumed 10 would take RMS below zero: refused as stale, nothing written.
    expect((await connector.push([item('cap:a', 2, 3)]))[0].status).toBe('stale');
    expect(sandbox.stock.quantity('cap:a')).toBe(3);
    // The orders are ingested (none): the next write reads RMS first and lowers from what it shows.
    expect((await connector.push([item('cap:a', 2, 3)]))[0].status).toBe('ok');
    expect(sandbox.stock.quantity('cap:a')).toBe(2);
  });

  it('keeps an assumed lost raise that did land when a sale explains the refusal', async () => {
    listing('cap:b', 3);
    sandbox.faults.next('push', { kind: 'lost-response' });
    expect((await connector.push([item('cap:b', 8, 3)]))[0].status).toBe('retryable');
    sandbox.stock.createOrder({ lines: [{ listingId: 'cap:b', quantity: 2 }] });
    expect((await connector.push([item('cap:b', 1, 3)]))[0].status).toBe('stale');
    // Ingested, the sale of 2 leaves urikiri believing 1 is shown; RMS shows 6 (3 + 5 − 2): the raise landed.
    expect((await connector.push([item('cap:b', 1, 1)]))[0].status).toBe('ok');
    expect(sandbox.stock.quantity('cap:b')).toBe(1);
  });

  it('reads back up to 1,000 listings a call, unknown and impossible ids as not found', async () => {
    listing('sock:l', 12);
    expect(await connector.read(['sock:l', 'sock:xl', 'Sock:L'])).toEqual([
      { listingId: 'sock:l', found: true, quantity: 12 },
      { listingId: 'sock:xl', found: false },
      { listingId: 'Sock:L', found: false },
    ]);
    expect(sandbox.requests.entries('read').map((e) => e.itemCount)).toEqual([2]);
  });

  it('names RMS\'s code and what to check when the keys are refused', async () => {
    listing('hat:one', 1);
    const wrong = new RakutenConnector({ credentials: { serviceSecret: 'SPx', licenseKey: 'SLy' }, baseUrl: sandbox.url });
    const [result] = await wrong.push([item('hat:one', 2, 1)]);
    expect(result.status).toBe('auth');
    expect(result).toMatchObject({ message: expect.stringMatching(/ES01-01 Un-Authorised.*renew an expired licenseKey/) });
  });
});
