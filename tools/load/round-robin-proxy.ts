import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * What a load balancer in front of several API processes does, on loopback: each request goes to the
 * next upstream in turn, bytes untouched (webhook signatures still hold). An upstream that does not
 * answer gets a 502, as from a real balancer; the caller retries as a channel would.
 */
export async function startRoundRobinProxy(upstreams: () => readonly string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const all = upstreams();
    const target = new URL(req.url ?? '/', all[next++ % all.length]);
    const forwarded = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (upstream) => {
      res.writeHead(upstream.statusCode ?? 502, upstream.headers);
      upstream.pipe(res);
    });
    forwarded.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`upstream ${target.origin} did not answer: ${error.message}`);
    });
    req.pipe(forwarded);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}
