import axios from 'axios';
import { esaAuthorization } from '../rakuten.credentials';
import { createRakutenSandbox, type RakutenSandbox } from './rakuten.sandbox';

const http = axios.create({ validateStatus: () => true, timeout: 2000 });

describe('Rakuten RMS sandbox', () => {
  let sandbox: RakutenSandbox;
  let auth: { authorization: string };

  beforeEach(async () => {
    // 2026-12-04 20:00:00 JST when the test starts, then running at the real pace.
    const startedAt = Date.now();
    sandbox = await createRakutenSandbox({ seed: 21, clock: () => Date.parse('2026-12-04T11:00:00Z') + (Date.now() - startedAt) });
    auth = { authorization: esaAuthorization(sandbox.credentials()) };
    sandbox.stock.upsertListing({ listingId: 'tenugui:ai', quantity: 8 });
  });
  afterEach(() => sandbox.close());

  it('answers a bulk-upsert with 204 and no body, and lower-cases manageNumber as RMS does', async () => {
    const res = await http.post(`${sandbox.url}/es/2.0/inventories/bulk-upsert`, { inventories: [{ manageNumber: 'TENUGUI', variantId: 'ai', mode: 'RELATIVE', quantity: -3 }] }, { headers: auth });
    expect([res.status, res.data]).toEqual([204, '']);
    expect(sandbox.stock.quantity('tenugui:ai')).toBe(5);
  });

  it('refuses a request with one IE0004 per bad item, naming its propertyPath, and applies none of it', async () => {
    const res = await http.post(
      `${sandbox.url}/es/2.0/inventories/bulk-upsert`,
      {
        inventories: [
          { manageNumber: 'tenugui', variantId: 'ai', mode: 'ABSOLUTE', quantity: 2 },
          { manageNumber: 'tenugui', variantId: 'ai!', mode: 'ABSOLUTE', quantity: 2 },
          { manageNumber: 'tenugui', variantId: 'ai', mode: 'ABSOLUTE', quantity: 100000 },
        ],
      },
      { headers: auth },
    );
    expect(res.status).toBe(400);
    expect(res.data.errors.map((e: { code: string; metadata: { propertyPath: string } }) => [e.code, e.metadata.propertyPath])).toEqual([
      ['IE0004', 'inventories[1].variantId'],
      ['IE0004', 'inventories[2].quantity'],
    ]);
    expect(sandbox.stock.quantity('tenugui:ai')).toBe(8);
  });

  it('answers GE0014 for unknown records and ES01-01 for a wrong key', async () => {
    const missing = await http.post(`${sandbox.url}/es/2.0/inventories/bulk-get`, { inventories: [{ manageNumber: 'nothing', variantId: 'here' }] }, { headers: auth });
    expect(missing.status).toBe(404);
    expect(missing.data.errors[0]).toMatchObject({ code: 'GE0014', message: expect.stringMatching(/^Not found for inputs; /) });
    const refused = await http.post(`${sandbox.url}/es/2.0/inventories/bulk-get`, { inventories: [{ manageNumber: 'tenugui', variantId: 'ai' }] }, { headers: { authorization: 'ESA bm9wZTpub3Bl' } });
    expect([refused.status, refused.data]).toEqual([401, { Results: { errorCode: 'ES01-01', message: 'Un-Authorised' } }]);
  });

  it('reads records with JST created/updated times', async () => {
    const res = await http.post(`${sandbox.url}/es/2.0/inventories/bulk-get`, { inventories: [{ manageNumber: 'tenugui', variantId: 'ai' }] }, { headers: auth });
    expect(res.data.inventories).toEqual([{ manageNumber: 'tenugui', variantId: 'ai', quantity: 8, created: '2026-12-04T20:00:00+09:00', updated: '2026-12-04T20:00:00+09:00' }]);
  });

  it('throttles a second write within the same second with 429 and Retry-After', async () => {
    const put = () => http.put(`${sandbox.url}/es/2.0/inventories/manage-numbers/tenugui/variants/ai`, { mode: 'ABSOLUTE', quantity: 4 }, { headers: auth });
    expect((await put()).status).toBe(204);
    const throttled = await put();
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('1');
    expect(throttled.data.errors[0].code).toBe('TOO_MANY_REQUESTS');
  });

  it('refuses an order search longer than 63 days and pages results by requestRecordsAmount', async () => {
    for (let i = 0; i < 3; i += 1) {
      sandbox.stock.createOrder({ lines: [{ listingId: 'tenugui:ai', quantity: 1 }] });
    }
    const search = (startDatetime: string, requestPage: number) =>
      http.post(
        `${sandbox.url}/es/2.0/order/searchOrder/`,
        { dateType: 1, startDatetime, endDatetime: '2026-12-05T00:00:00+0900', PaginationRequestModel: { requestRecordsAmount: 2, requestPage } },
        { headers: auth },
      );
    const tooLong = await search('2026-10-01T00:00:00+0900', 1);
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.MessageModelList[0]).toMatchObject({ messageType: 'ERROR', message: 'The search period must not exceed 63 days' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const second = await search('2026-12-04T00:00:00+0900', 2);
    expect(second.data.orderNumberList).toHaveLength(1);
    expect(second.data.PaginationResponseModel).toEqual({ totalRecordsAmount: 3, totalPages: 2, requestPage: 2 });
  });

  it('fails the configured operations during a maintenance window with 503 and Retry-After', async () => {
    const now = Date.parse('2026-12-04T11:00:00Z');
    const down = await createRakutenSandbox({ clock: () => now, maintenance: [{ from: now - 1000, to: now + 60_000, operations: ['push'], retryAfterSeconds: 60 }] });
    try {
      down.stock.upsertListing({ listingId: 'tenugui:ai', quantity: 1 });
      const headers = { authorization: esaAuthorization(down.credentials()) };
      const write = await http.put(`${down.url}/es/2.0/inventories/manage-numbers/tenugui/variants/ai`, { mode: 'ABSOLUTE', quantity: 4 }, { headers });
      expect([write.status, write.headers['retry-after'], write.data.errors[0].code]).toEqual([503, '60', 'MAINTENANCE']);
      const read = await http.post(`${down.url}/es/2.0/inventories/bulk-get`, { inventories: [{ manageNumber: 'tenugui', variantId: 'ai' }] }, { headers });
      expect(read.status).toBe(200);
    } finally {
      await down.close();
    }
  });

  it('gives the same credentials for the same seed', async () => {
    const again = await createRakutenSandbox({ seed: 21 });
    try {
      expect(again.credentials()).toEqual(sandbox.credentials());
    } finally {
      await again.close();
    }
  });
});
