import { openTestStore, pushItem } from './testing/yahoo-test-store';
import type { YahooSandbox } from './sandbox/yahoo.sandbox';
import type { YahooConnector } from './yahoo.connector';

describe('Yahoo!ショッピング stock pushes (setStock)', () => {
  let sandbox: YahooSandbox;
  let connector: YahooConnector;

  beforeEach(async () => {
    ({ sandbox, connector } = await openTestStore());
  });
  afterEach(() => sandbox.close());

  it('keeps a sale Yahoo! made before we ingested it subtracted, raising or lowering', async () => {
    sandbox.stock.upsertListing({ listingId: 'tee-01:red-m', quantity: 10 });
    sandbox.stock.upsertListing({ listingId: 'mug-02', quantity: 10 });
    sandbox.stock.createOrder({
      lines: [{ listingId: 'tee-01:red-m', quantity: 3 }],
    });
    sandbox.stock.createOrder({
      lines: [{ listingId: 'mug-02', quantity: 4 }],
    });

    // Our ledger has not seen either sale: it asks for 12 and 8 where we last published 10.
    const results = await connector.push([
      pushItem('tee-01:red-m', 12, 10),
      pushItem('mug-02', 8, 10),
    ]);

    expect(results.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(sandbox.stock.quantity('tee-01:red-m')).toBe(12 - 3);
    expect(sandbox.stock.quantity('mug-02')).toBe(8 - 4);
    expect(sandbox.requests.entries('push')).toHaveLength(1);
  });

  it('publishes a never-published listing relative to what getStock reads, and 0 as an absolute 0', async () => {
    sandbox.stock.upsertListing({ listingId: 'new-01', quantity: 4 });
    sandbox.stock.upsertListing({ listingId: 'gone-01', quantity: 6 });
    sandbox.stock.createOrder({
      lines: [{ listingId: 'gone-01', quantity: 2 }],
    });

    const results = await connector.push([
      pushItem('new-01', 7, null),
      pushItem('gone-01', 0, 6),
    ]);

    expect(results.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(sandbox.stock.quantity('new-01')).toBe(7);
    expect(sandbox.stock.quantity('gone-01')).toBe(0);
    expect(sandbox.requests.entries('read')).toHaveLength(1);
  });

  it('leaves 0, not a negative stock, when un-ingested sales exceed the lowering', async () => {
    sandbox.stock.upsertListing({ listingId: 'cap-01', quantity: 5 });
    sandbox.stock.createOrder({
      lines: [{ listingId: 'cap-01', quantity: 5 }],
    });
    const [result] = await connector.push([pushItem('cap-01', 2, 5)]);
    expect(result).toMatchObject({ status: 'ok', channelQuantity: 0 });
    expect(sandbox.stock.quantity('cap-01')).toBe(0);
  });

  it('refuses item codes Yahoo! would reject before sending, naming the listing and what is accepted', async () => {
    sandbox.stock.upsertListing({ listingId: 'ok-01', quantity: 1 });
    const results = await connector.push([
      pushItem('bad,code', 3, 1),
      pushItem('a:b:c', 3, 1),
      pushItem('日本語', 3, 1),
      pushItem('ok-01', 3, 1),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'permanent',
      'permanent',
      'permanent',
      'ok',
    ]);
    expect(results[0]).toMatchObject({ code: 'invalid-item-code' });
    const message = results[0].status === 'permanent' ? results[0].message : '';
    expect(message).toContain('"bad,code"');
    expect(message).toContain('"code" or "code:subcode"');
    expect(sandbox.requests.entries('push').map((e) => e.itemCount)).toEqual([
      1,
    ]);
  });

  it('refuses a push naming one listing twice before anything is sent (setStock would answer st-02103)', async () => {
    sandbox.stock.upsertListing({ listingId: 'dup-01', quantity: 1 });
    await expect(
      connector.push([pushItem('dup-01', 4, 1), pushItem('dup-01', 9, 1)]),
    ).rejects.toThrow('"dup-01" appears twice');
    expect(sandbox.requests.entries()).toHaveLength(0);
    expect(sandbox.stock.quantity('dup-01')).toBe(1);
  });

  it("maps a 207 partial success to per-item results with Yahoo!'s error codes", async () => {
    sandbox.stock.upsertListing({ listingId: 'p-01', quantity: 1 });
    sandbox.stock.upsertListing({ listingId: 'p-02', quantity: 1 });
    sandbox.faults.failItems('push', ['p-02'], 'st-02104');
    const results = await connector.push([
      pushItem('p-01', 5, 1),
      pushItem('p-02', 5, 1),
      pushItem('missing-01', 5, 1),
    ]);
    expect(
      results.map((r) => [r.status, r.status === 'permanent' ? r.code : null]),
    ).toEqual([
      ['ok', null],
      ['permanent', 'st-02104'],
      ['permanent', 'st-02101'],
    ]);
    expect(sandbox.requests.entries('push')[0].status).toBe(207);
    expect([
      sandbox.stock.quantity('p-01'),
      sandbox.stock.quantity('p-02'),
    ]).toEqual([5, 1]);
  });

  it('does not add a raise twice when its answer never came back', async () => {
    sandbox.stock.upsertListing({ listingId: 'lost-01', quantity: 2 });
    sandbox.faults.next('push', { kind: 'timeout' });
    const slow = new (connector.constructor as typeof YahooConnector)({
      credentials: sandbox.credentials(),
      baseUrl: sandbox.url,
      timeoutMs: 300,
    });
    const attempt = pushItem('lost-01', 6, 2);
    expect((await slow.push([attempt]))[0].status).toBe('retryable');
    // The timed-out call was never applied; the raise is assumed landed, so Yahoo! shows too few, never too many.
    expect((await slow.push([attempt]))[0].status).toBe('ok');
    expect(sandbox.stock.quantity('lost-01')).toBe(2);
    expect((await slow.push([pushItem('lost-01', 6, 6)]))[0].status).toBe('ok');
    expect(sandbox.stock.quantity('lost-01')).toBe(2);
  });

  it('hands on the Retry-After of a maintenance answer with the retryable result, changing nothing', async () => {
    sandbox.stock.upsertListing({ listingId: 'mug-02', quantity: 5 });
    sandbox.faults.startMaintenance(600, ['push']);
    const [result] = await connector.push([pushItem('mug-02', 8, 5)]);
    expect(result).toMatchObject({ status: 'retryable', retryAfterMs: 600_000 });
    expect(sandbox.stock.quantity('mug-02')).toBe(5);
  });
});
