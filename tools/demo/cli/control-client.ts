import type { ListingLine } from '../channel-sync-state';
import type { PlacedOrder } from '../control/place-order';
import { DEFAULT_DEMO_BASE_PORT } from '../demo-channel-ids';

/** The running demo's control endpoint (`npm start` must be running). */
export class ControlClient {
  readonly url: string;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.url = `http://127.0.0.1:${env['URIKIRI_DEMO_PORT'] || DEFAULT_DEMO_BASE_PORT}`;
  }

  async state(skus?: readonly string[]): Promise<ListingLine[]> {
    return this.request<ListingLine[]>('GET', skus ? `/state?skus=${encodeURIComponent(skus.join(','))}` : '/state');
  }

  async order(channel: string, sku: string, quantity: number): Promise<PlacedOrder> {
    return this.request<PlacedOrder>('POST', '/orders', { channel, sku, quantity });
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.url}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new Error(`Nothing answers on ${this.url}: start the demo first with \`npm start\` (and wait for its banner).`);
    }
    const answer = (await response.json()) as T & { message?: string };
    if (!response.ok) throw new Error(answer.message ?? `${method} ${path} answered ${response.status}`);
    return answer;
  }
}
