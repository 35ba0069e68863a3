import axios, { type AxiosResponse } from 'axios';
import { createSandboxServer, type SandboxServer } from './sandbox-server';
import { jsonResponse, xmlResponse } from './sandbox-http';

const http = axios.create({ validateStatus: () => true, timeout: 2000 });

describe('createSandboxServer', () => {
  let server: SandboxServer;
  let writes: number;

  async function start(options: Partial<Parameters<typeof createSandboxServer>[0]> = {}): Promise<void> {
    writes = 0;
    server = await createSandboxServer({
      routes: [
        {
          method: 'POST',
          path: '/items/:itemId/stock',
          operation: 'push',
          handler: (req) => {
            writes += 1;
            req.countItems(1);
            return jsonResponse(200, { itemId: req.params.itemId, body: req.body });
          },
        },
        {
          method: 'POST',
          path: '/ShoppingWebService/V1/setStock',
          operation: 'push',
          handler: (req) => xmlResponse(200, { ResultSet: { Result: { ItemCode: (req.body as Record<string, string>).item_code } } }),
        },
        {
          method: 'POST',
          path: '/orders',
          operation: 'orders',
          handler: (req) => jsonResponse(200, req.body),
        },
      ],
      ...options,
    });
  }
  afterEach(() => server.close());

  it('listens on an ephemeral loopback port and reads JSON, XML and form bodies', async () => {
    await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const json = await http.post(`${server.url}/items/a%2Fb/stock`, { quantity: 3 });
    expect(json.data).toEqual({ itemId: 'a/b', body: { quantity: 3 } });

    const form = await http.post(`${server.url}/ShoppingWebService/V1/setStock`, 'seller_id=s&item_code=abc%3A1&quantity=%2B5', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.headers['content-type']).toContain('application/xml');
    expect(form.data).toContain('<ResultSet><Result><ItemCode>abc:1</ItemCode></Result></ResultSet>');

    const xml = await http.post(`${server.url}/orders`, '<Req><Search><Result>10</Result></Search></Req>', {
      headers: { 'content-type': 'application/xml' },
    });
    expect(xml.data).toEqual({ Req: { Search: { Result: '10' } } });

    const bad = await http.post(`${server.url}/orders`, '{oops', {
      headers: { 'content-type': 'application/json' },
      transformRequest: [(data: string) => data],
    });
    expect(bad.status).toBe(400);
    expect((await http.get(`${server.url}/nowhere`)).status).toBe(404);
  });

  it('enforces the operation rate limit with 429 and Retry-After, and logs every call', async () => {
    await start({ rateLimits: { push: { kind: 'token-bucket', ratePerSecond: 0.5, burst: 2 } } });
    const statuses: AxiosResponse[] = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push(await http.post(`${server.url}/items/x/stock`, {}));
    }
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(statuses[2].headers['retry-after']).toBe('2');
    expect((await http.post(`${server.url}/orders`, {})).status).toBe(200);
    expect(server.requests.entries('push').map((e) => [e.status, e.itemCount])).toEqual([
      [200, 1],
      [200, 1],
      [429, null],
    ]);
  });

  it('injects 429, 5xx, maintenance and lost responses, each once as asked', async () => {
    let now = 1_000;
    await start({ clock: () => now });
    server.faults.next('push', { kind: 'rate-limit', retryAfterSeconds: 7 }).next('push', { kind: 'server-error', status: 502 });
    const limited = await http.post(`${server.url}/items/x/stock`, {});
    expect([limited.status, limited.headers['retry-after']]).toEqual([429, '7']);
    expect((await http.post(`${server.url}/items/x/stock`, {})).status).toBe(502);
    expect(writes).toBe(0);

    server.faults.maintenance({ from: 2_000, to: 3_000, operations: ['push'], retryAfterSeconds: 60 });
    now = 2_500;
    expect((await http.post(`${server.url}/items/x/stock`, {})).status).toBe(503);
    expect((await http.post(`${server.url}/orders`, {})).status).toBe(200);
    now = 3_000;
    expect((await http.post(`${server.url}/items/x/stock`, {})).status).toBe(200);

    server.faults.next('push', { kind: 'lost-response' });
    await expect(http.post(`${server.url}/items/x/stock`, {})).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(writes).toBe(2);
  });

  it('answers a server-error fault with the Retry-After it names, on the channel\'s own error body', async () => {
    await start({
      errorResponses: {
        serverError: (status) => jsonResponse(status, { errors: [{ code: 'BUSY' }] }),
        maintenance: (s) => jsonResponse(503, { errors: [{ code: 'MAINTENANCE' }] }, { 'Retry-After': String(s) }),
      },
    });
    server.faults.next('push', { kind: 'server-error', status: 503, retryAfterSeconds: 30 }).next('push', { kind: 'server-error', status: 503 });
    const overloaded = await http.post(`${server.url}/items/x/stock`, {});
    expect([overloaded.status, overloaded.headers['retry-after'], overloaded.data]).toEqual([503, '30', { errors: [{ code: 'BUSY' }] }]);
    const plain = await http.post(`${server.url}/items/x/stock`, {});
    expect([plain.status, plain.headers['retry-after']]).toEqual([503, undefined]);
    server.faults.startMaintenance(90);
    expect((await http.post(`${server.url}/items/x/stock`, {})).headers['retry-after']).toBe('90');
    expect(writes).toBe(0);
  });

  it('holds a call forever on a timeout fault, so the client timeout fires', async () => {
    await start();
    server.faults.next('orders', { kind: 'timeout' });
    const started = Date.now();
    await expect(http.post(`${server.url}/orders`, {}, { timeout: 150 })).rejects.toMatchObject({ code: 'ECONNABORTED' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('adds latency and draws random faults from the seed, the same way every run', async () => {
    const run = async (): Promise<number[]> => {
      await start({ seed: 42, latencyMs: { min: 5, max: 15 } });
      server.faults.randomly('orders', { kind: 'server-error' }, 0.5);
      const codes: number[] = [];
      for (let i = 0; i < 12; i += 1) {
        codes.push((await http.post(`${server.url}/orders`, {})).status);
      }
      await server.close();
      return codes;
    };
    const started = Date.now();
    const first = await run();
    expect(Date.now() - started).toBeGreaterThanOrEqual(12 * 5);
    expect(await run()).toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(200);
    await start();
  });
});
