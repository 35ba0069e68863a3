import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { classify, toConnectorError } from './classify-error';
import { ConnectorError } from './connector-error';

describe('classify', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const status = Number(req.url?.slice(1));
      if (status === 0) {
        req.socket.destroy();
        return;
      }
      res.writeHead(status, status === 429 ? { 'retry-after': '3' } : {});
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

  it('carries the Retry-After of a 429', async () => {
    expect(classify(await failure('/429')).retryAfterMs).toBe(3000);
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
