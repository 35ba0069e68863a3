import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface LoopbackForwarder {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** The port is taken: say which one and what to do, instead of Node's bare EADDRINUSE. */
export class PortInUseError extends Error {
  constructor(readonly port: number, what: string) {
    super(
      `127.0.0.1:${port} (${what}) is already in use: is another \`npm start\` running? ` +
        'Stop it, or give this one other ports with URIKIRI_DEMO_PORT=<base port>.',
    );
    this.name = 'PortInUseError';
  }
}

/**
 * Listens on a fixed 127.0.0.1 port and passes every connection through to `targetPort`. The
 * sandbox kit listens on a port the system picks, which changes with every start, while the service
 * keeps each channel account's base URL: the fixed port in front keeps that URL valid across
 * restarts. Bytes are passed as they are, so HTTP, keep-alive and dropped connections behave as
 * they do on the sandbox itself.
 */
export async function startLoopbackForwarder(port: number, targetPort: number, what: string): Promise<LoopbackForwarder> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    // Either side failing or ending ends the other, as a direct connection would.
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, what) : error));
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        sockets.forEach((socket) => socket.destroy());
      }),
  };
}
