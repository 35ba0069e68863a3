import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { DEFAULT_RETRY_AFTER_MS, classify, toConnectorError } from './classify-error';
import { ConnectorError } from './connector-error';

describe('classify', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      // `/<status>` answers that status; `?retry-after=<value>` adds the header; 429 says 3 s unless told.
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const status = Number(url.pathname.slice(1));
      if (status === 0) {
        req.socket.destroy();
        return;
      }
      const retryAfter = url.searchParams.get('retry-after') ?? (status === 429 ? '3' : null);
      res.writeHead(status, retryAfter === null ? {} : { 'retry-after': retryAfter });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function failure(path: string, timeout = 2000): Promise<unknown> {
    return axios.get(`${url}${path}`, { timeout }).then(
      () => {
        throw new Error('expected the call to fail');
      },
      (error: unknown) => error,
    );
  }

  it.each([
    [429, 'rate-limited'],
    [401, 'auth'],
    [403, 'auth'],
    [408, 'retryable'],
    [500, 'retryable'],
    [503, 'retryable'],
    [400, 'permanent'],
    [404, 'permanent'],
    [422, 'permanent'],
  ])('reads HTTP %i as %s', async (status, kind) => {
    expect(classify(await failure(`/${status}`)).kind).toBe(kind);
  });

  it('carries the Retry-After of a 429, and waits a default one when it is missing or unreadable', async () => {
    expect(classify(await failure('/429')).retryAfterMs).toBe(3000);
    expect(classify(await failure('/429?retry-after=')).retryAfterMs).toBe(DEFAULT_RETRY_AFTER_MS);
    expect(classify(await failure('/429?retry-after=soon')).retryAfterMs).toBe(DEFAULT_RETRY_AFTER_MS);
  });

  it('carries the Retry-After of a 503 or another transient failure, and invents none', async () => {
    expect(classify(await failure('/503?retry-after=120'))).toMatchObject({ kind: 'retryable', retryAfterMs: 120_000, httpStatus: 503 });
    expect(classify(await failure('/500?retry-after=2')).retryAfterMs).toBe(2000);
    const now = Date.parse('2026-12-04T11:00:00Z');
    const dated = await failure(`/503?retry-after=${encodeURIComponent('Fri, 04 Dec 2026 11:05:00 GMT')}`);
    expect(classify(dated, now).retryAfterMs).toBe(300_000);
    expect(classify(await failure('/503')).retryAfterMs).toBeUndefined();
    expect(classify(await failure('/503?retry-after=later')).retryAfterMs).toBeUndefined();
    // A refusal is final whatever the header says; there is nothing to wait for.
    expect(classify(await failure('/400?retry-after=5')).retryAfterMs).toBeUndefined();
    expect(toConnectorError(await failure('/503?retry-after=7'))).toMatchObject({ kind: 'retryable', retryAfterMs: 7000 });
  });

  it('reads a dropped connection as retryable', async () => {
    expect(classify(await failure('/0')).kind).toBe('retryable');
  });

  it('keeps the kind a connector chose, and treats unknown errors as permanent', () => {
    expect(classify(new ConnectorError('stale', 'sold meanwhile')).kind).toBe('stale');
    expect(classify(new TypeError('x is undefined')).kind).toBe('permanent');
    expect(toConnectorError(new TypeError('boom'))).toMatchObject({ kind: 'permanent', message: 'boom' });
  });
});
