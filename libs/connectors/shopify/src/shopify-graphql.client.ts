import {
  ConnectorError,
  type Clock,
  type ConnectorOperation,
  type ErrorKind,
  type Sleep,
} from '@urikiri/connector-sdk';
import type { AxiosRequestConfig, AxiosResponse } from 'axios';
import { SHOPIFY_GRAPHQL_PATH } from './shopify-api.constants';
import { ShopifyCostThrottle } from './shopify-cost.throttle';
import type { ShopifyGraphqlAnswer, ShopifyGraphqlError } from './shopify-wire.types';

export type SendCall = <T>(operation: ConnectorOperation, config: AxiosRequestConfig) => Promise<AxiosResponse<T>>;

export interface ShopifyGraphqlClientOptions {
  send: SendCall;
  clock: Clock;
  sleep?: Sleep;
  /**
   * How long a THROTTLED call may wait for the bucket to refill before being retried in place.
   * Longer waits are handed back as `rate-limited` with the wait as retryAfterMs, so a worker is not
   * held for them.
   */
  maxThrottleWaitMs?: number;
}

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const ERROR_KINDS: Record<string, ErrorKind> = {
  ACCESS_DENIED: 'auth',
  INTERNAL_SERVER_ERROR: 'retryable',
  SERVICE_UNAVAILABLE: 'retryable',
};

function describe(errors: readonly ShopifyGraphqlError[]): string {
  return errors.map((e) => (e.extensions?.code ? `${e.extensions.code}: ${e.message}` : e.message)).join('; ');
}

/** One GraphQL endpoint, cost-paced, with THROTTLED answers retried after the bucket refills. */
export class ShopifyGraphqlClient {
  readonly throttle: ShopifyCostThrottle;
  private readonly send: SendCall;
  private readonly sleep: Sleep;
  private readonly maxThrottleWaitMs: number;

  constructor(options: ShopifyGraphqlClientOptions) {
    this.send = options.send;
    this.sleep = options.sleep ?? realSleep;
    this.maxThrottleWaitMs = options.maxThrottleWaitMs ?? 5_000;
    this.throttle = new ShopifyCostThrottle(options.clock);
  }

  async request<TData>(operation: ConnectorOperation, query: string, variables: Record<string, unknown>): Promise<TData> {
    for (;;) {
      const before = this.throttle.msBefore(query);
      if (before > 0) {
        await this.sleep(before);
      }
      const { data: answer } = await this.send<ShopifyGraphqlAnswer<TData>>(operation, {
        method: 'POST',
        url: SHOPIFY_GRAPHQL_PATH,
        headers: { 'content-type': 'application/json' },
        data: { query, variables },
      });
      const cost = answer.extensions?.cost;
      if (cost) {
        this.throttle.observe(query, cost);
      }
      const errors = answer.errors ?? [];
      if (errors.length === 0 && answer.data) {
        return answer.data;
      }
      if (errors.some((e) => e.extensions?.code === 'THROTTLED')) {
        const wait = Math.max(1, this.throttle.msUntilFits(cost?.requestedQueryCost ?? 0));
        if (wait <= this.maxThrottleWaitMs) {
          await this.sleep(wait);
          continue;
        }
        throw new ConnectorError('rate-limited', `shopify ${operation}: THROTTLED, the cost bucket refills in ${wait} ms`, {
          retryAfterMs: wait,
          code: 'THROTTLED',
        });
      }
      const code = errors.find((e) => e.extensions?.code)?.extensions?.code;
      throw new ConnectorError(
        (code && ERROR_KINDS[code]) || 'permanent',
        `shopify ${operation}: ${errors.length > 0 ? describe(errors) : 'the answer has no data'}`,
        { code },
      );
    }
  }
}
