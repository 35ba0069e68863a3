import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceApi } from '../../service-api/service-api';
import { channelSyncState } from '../channel-sync-state';
import { isDemoChannelId, DEMO_ACCOUNTS } from '../demo-channel-ids';
import { PortInUseError } from '../loopback-forwarder';
import type { DemoSandboxes } from '../sandboxes/demo-sandboxes';
import { OrderRequestError, placeOrder, type OrderRequest } from './place-order';
import { WebhookRelay } from './webhook-relay';

export interface ControlServer {
  readonly url: string;
  /** The sandboxes, once they listen (they are given the relay's address first). */
  attach(sandboxes: DemoSandboxes): void;
  /** The service, once it listens and the demo holds a key for it. */
  connect(serviceUrl: string, api: ServiceApi): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * The demo's loopback endpoint: `POST /orders` places a buyer's order on a sandbox (what
 * `npm run demo -- sell` calls), `GET /state?skus=A,B` shows each listing's quantity on its channel
 * next to its target, `GET /channels` lists the sandboxes, and `POST /relay/<channel>` passes a
 * channel's webhooks on to the service. It listens on 127.0.0.1 only and changes nothing in the
 * service itself: an order on a sandbox is what any buyer could do.
 */
export async function startControlServer(port: number): Promise<ControlServer> {
  const relay = new WebhookRelay();
  let sandboxes: DemoSandboxes | null = null;
  let api: ServiceApi | null = null;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    const relayed = /^\/relay\/([a-z]+)$/.exec(url.pathname);
    if (req.method === 'POST' && relayed && isDemoChannelId(relayed[1])) {
      const answer = await relay.forward(DEMO_ACCOUNTS[relayed[1]].id, req.headers, body);
      res.writeHead(answer.status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(answer.body);
      return;
    }
    if (!sandboxes) return send(res, 503, { message: 'the sandboxes are starting' });
    if (req.method === 'GET' && url.pathname === '/channels') {
      return send(res, 200, sandboxes.all.map((s) => ({ channel: s.channel, account: s.account.id, url: s.url, sendsOrderWebhooks: s.sendsOrderWebhooks })));
    }
    if (req.method === 'POST' && url.pathname === '/orders') {
      try {
        return send(res, 201, await placeOrder(sandboxes, api, JSON.parse(body.toString('utf8') || '{}') as OrderRequest));
      } catch (error) {
        if (error instanceof OrderRequestError) return send(res, error.status, { message: error.message });
        if (error instanceof SyntaxError) return send(res, 400, { message: 'the body must be JSON: {"channel","sku","quantity"}' });
        throw error;
      }
    }
    if (req.method === 'GET' && url.pathname === '/state') {
      if (!api) return send(res, 503, { message: 'the demo is not connected to the service yet' });
      const skus = url.searchParams.get('skus')?.split(',').filter(Boolean);
      return send(res, 200, await channelSyncState(api, sandboxes.all, skus ? { skus } : {}));
    }
    send(res, 404, { message: `no route ${req.method} ${url.pathname}; see tools/demo/control/control-server.ts` });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { message: error instanceof Error ? error.message : String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, 'the demo control endpoint') : error));
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    attach: (started) => {
      sandboxes = started;
    },
    connect: (serviceUrl, serviceApi) => {
      api = serviceApi;
      relay.connect(serviceUrl, serviceApi);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
