import type { Server } from 'node:http';

/** The address people can open: a wildcard bind is reachable on localhost; the real port if PORT=0. */
export function listenUrl(server: Server, host: string): string {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const reachable = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${reachable}:${port}`;
}
