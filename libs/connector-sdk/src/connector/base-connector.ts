import axios, { type AxiosInstance, type AxiosRequestConfig, type AxiosResponse } from 'axios';
import type { z } from 'zod';
import { classify } from '../errors/classify-error';
import { ConnectorError } from '../errors/connector-error';
import type { ConnectorManifest, ConnectorOperation } from '../manifest/manifest.schema';
import { RequestGate } from '../rate-limit/request-gate';
import type { Clock } from '../rate-limit/token-bucket';
import type { ChannelConnector, ConnectorContext } from './channel-connector';
import type {
  CataloguePage,
  ListingSettingIssue,
  OrderPage,
  PushItem,
  PushResult,
  RawWebhookRequest,
  ReadResult,
  WebhookDelivery,
} from './connector.types';
import { parseCredentials } from './parse-credentials';
import { pushResultFromError } from './push-result-from-error';
import { validatePushItems } from './validate-push-items';

export const DEFAULT_TIMEOUT_MS = 10_000;

/** The static side of a connector class, as its constructor hands it to the base class. */
export interface ConnectorDefinition<TCredentials> {
  readonly manifest: ConnectorManifest;
  readonly credentials: z.ZodType<TCredentials>;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

/**
 * What every connector would otherwise write again: credentials checked at construction, one axios
 * instance with a timeout, pacing per operation from the manifest's rate limits, 429 → pause,
 * auth refused → refresh and retry once, batches cut to the manifest's bulk sizes, and a failed call
 * turned into one result per item. A connector implements only the channel's own calls.
 */
export abstract class BaseConnector<TCredentials> implements ChannelConnector {
  readonly manifest: ConnectorManifest;
  protected readonly credentials: TCredentials;
  protected readonly http: AxiosInstance;
  protected readonly clock: Clock;
  private readonly gate: RequestGate;

  protected constructor(definition: ConnectorDefinition<TCredentials>, context: ConnectorContext) {
    this.manifest = definition.manifest;
    this.credentials = parseCredentials(definition, context.credentials);
    this.clock = context.clock ?? Date.now;
    const baseURL = context.baseUrl ?? definition.manifest.baseUrl;
    if (baseURL === undefined) {
      throw new ConnectorError(
        'permanent',
        `Connector "${definition.manifest.id}" has no baseUrl in its manifest; give the channel account a baseUrl.`,
      );
    }
    this.http = axios.create({ baseURL, timeout: context.timeoutMs ?? DEFAULT_TIMEOUT_MS });
    this.gate = new RequestGate(definition.manifest.rateLimits, this.clock);
  }

  /** Headers that authenticate a call (a fresh access token, an API key...). */
  protected abstract authHeaders(): Promise<Record<string, string>>;

  /**
   * Called when the channel refused our credentials. Return true when a retry can succeed (a cached
   * access token was dropped and will be refreshed); a static key that was refused stays refused.
   */
  protected onAuthRejected(): boolean {
    return false;
  }

  /** Sends the part of a batch that fits one call; one result per item, same order. */
  protected abstract pushChunk(items: PushItem[]): Promise<PushResult[]>;
  protected abstract readChunk(listingIds: string[]): Promise<ReadResult[]>;
  abstract listCatalogue(cursor: string | null): Promise<CataloguePage>;
  abstract fetchOrders(cursor: string | null): Promise<OrderPage>;
  abstract checkListingSettings(listingIds: string[]): Promise<ListingSettingIssue[]>;

  /** Connectors whose channel signs webhooks override this; the rest deliver orders by polling. */
  parseWebhook(_request: RawWebhookRequest): WebhookDelivery {
    throw new ConnectorError(
      'permanent',
      `Connector "${this.manifest.id}" does not receive webhooks; its orders arrive through fetchOrders.`,
    );
  }

  /**
   * One HTTP call of `operation`, paced by the gate and authenticated. A 429 pauses the operation for
   * the channel's Retry-After and surfaces as a rate-limited ConnectorError; refused credentials are
   * refreshed and the call retried once.
   */
  protected async send<T>(operation: ConnectorOperation, config: AxiosRequestConfig): Promise<AxiosResponse<T>> {
    for (let attempt = 0; ; attempt += 1) {
      await this.gate.acquire(operation);
      try {
        const headers = { ...(config.headers as Record<string, string> | undefined), ...(await this.authHeaders()) };
        return await this.http.request<T>({ ...config, headers });
      } catch (error) {
        const c = classify(error, this.clock());
        if (c.kind === 'rate-limited' && c.retryAfterMs !== undefined) {
          this.gate.pause(operation, c.retryAfterMs);
        }
        if (c.kind === 'auth' && attempt === 0 && this.onAuthRejected()) {
          continue;
        }
        throw new ConnectorError(c.kind, `${this.manifest.id} ${operation}: ${c.message}`, {
          retryAfterMs: c.retryAfterMs,
          httpStatus: c.httpStatus,
          code: c.code,
          cause: error,
        });
      }
    }
  }

  async push(items: PushItem[]): Promise<PushResult[]> {
    validatePushItems(items);
    const max = this.manifest.maxQuantity;
    const results = new Map<PushItem, PushResult>();
    // Above the channel's maximum the channel would refuse or clamp; clamping would leave the
    // channel below what we record as published, so refuse it here, visibly, per item.
    for (const item of items.filter((i) => i.target > max)) {
      results.set(item, {
        listingId: item.listingId,
        version: item.version,
        status: 'permanent',
        message: `target ${item.target} is above the ${this.manifest.id} maximum of ${max}`,
        code: 'above-max-quantity',
      });
    }
    let blocked: unknown = null;
    for (const part of chunk(items.filter((i) => i.target <= max), this.manifest.bulk.push)) {
      if (blocked !== null) {
        part.forEach((item) => results.set(item, pushResultFromError(item, blocked)));
        continue;
      }
      try {
        const partResults = await this.pushChunk(part);
        this.assertOneResultPerItem(part, partResults);
        part.forEach((item, i) => results.set(item, partResults[i]));
      } catch (error) {
        const c = classify(error);
        // A channel that asked us to wait (429, or maintenance with Retry-After) or refused our
        // credentials would answer the rest of the batch the same way.
        if (c.kind === 'rate-limited' || c.kind === 'auth' || (c.kind === 'retryable' && c.retryAfterMs !== undefined)) {
          blocked = error;
        }
        part.forEach((item) => results.set(item, pushResultFromError(item, error)));
      }
    }
    return items.map((item) => results.get(item) as PushResult);
  }

  async read(listingIds: string[]): Promise<ReadResult[]> {
    const results: ReadResult[] = [];
    for (const part of chunk(listingIds, this.manifest.bulk.read)) {
      results.push(...(await this.readChunk(part)));
    }
    return results;
  }

  private assertOneResultPerItem(items: PushItem[], results: PushResult[]): void {
    const mismatch = results.length !== items.length || results.some((r, i) => r.listingId !== items[i].listingId);
    if (mismatch) {
      throw new ConnectorError(
        'permanent',
        `Connector "${this.manifest.id}" pushChunk must return one result per item in input order; ` +
          `got ${results.length} results for ${items.length} items.`,
      );
    }
  }
}
