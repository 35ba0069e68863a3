import { gunzipSync } from 'node:zlib';
import {
  BaseConnector,
  ConnectorError,
  TokenRefresher,
  toConnectorError,
  validatePushItems,
  type AccessToken,
  type CataloguePage,
  type ConnectorContext,
  type ConnectorOperation,
  type ListingSettingIssue,
  type OrderEvent,
  type OrderPage,
  type PushItem,
  type PushResult,
  type RawWebhookRequest,
  type ReadResult,
  type WebhookDelivery,
} from '@urikiri/connector-sdk';
import { isAxiosError, type AxiosRequestConfig } from 'axios';
import { z } from 'zod';
import {
  MERCHANT_CHANNEL_CODE,
  type AmazonOperation,
} from './amazon-operations';
import {
  amazonCredentials,
  type AmazonCredentials,
} from './amazon.credentials';
import { amazonManifest } from './amazon.manifest';
import {
  amazonSettings,
  usagePlans,
  type AmazonSettings,
  type AmazonSettingsInput,
} from './amazon.settings';
import {
  SEARCH_IDENTIFIERS_MAX,
  type GetInventorySummariesResponse,
  type ItemSearchResults,
  type ListingsItem,
  type ListingsItemPatchRequest,
  type ListingsItemSubmissionResponse,
  type LwaErrorAnswer,
  type LwaTokenAnswer,
} from './amazon-wire.types';
import type { AmazonCaller } from './connector/amazon-caller';
import {
  amazonErrorOf,
  isExpiredToken,
  withAmazonReason,
} from './connector/amazon-error';
import { ChannelView, writableQuantity } from './connector/channel-view';
import { FeedTracker } from './connector/feed-tracker';
import { quantityPatch } from './connector/listings-feed.builder';
import { ListingsFeedRoute } from './connector/listings-feed.route';
import { MerchantListingsReports } from './connector/merchant-listings.reports';
import type { MerchantListingRow } from './connector/merchant-listings-report.parser';
import { readNotifications } from './connector/notification.parser';
import { OperationPacer } from './connector/operation-pacer';
import { deriveOrderEvents } from './connector/order-snapshot';
import { snapshotFromNotification } from './connector/order-snapshot.mappers';
import { OrdersPoller } from './connector/orders.poller';
import { skuProblem } from './connector/seller-sku';

/** An Amazon account: credentials as for every connector, plus optional behaviour settings. */
export interface AmazonConnectorContext extends ConnectorContext {
  settings?: AmazonSettingsInput;
}

/** FBA stock of one SKU, held and counted by Amazon: shown beside ours, never pushed. */
export interface FbaStock {
  sku: string;
  fulfillable: number;
  inbound: number;
  reserved: number;
  total: number;
}

interface ListingState {
  /** Merchant-fulfilled quantity; null when the listing has no DEFAULT availability. */
  quantity: number | null;
  amazonFulfilled: boolean;
  alwaysAvailable: boolean;
}

const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Amazon Selling Partner API: LWA refresh-token auth, fulfillment_availability patches for small
 * batches and JSON_LISTINGS_FEED for large ones, reads by getListingsItem or the merchant listings
 * report, orders from ORDER_CHANGE notifications with searchOrders polling as the safety net.
 * Amazon writes absolute quantities only, so every write subtracts the sales Amazon shows and we
 * have not ingested (read-backs and LISTINGS_ITEM_MFN_QUANTITY_CHANGE notifications).
 */
export class AmazonConnector extends BaseConnector<AmazonCredentials> {
  static readonly id = amazonManifest.id;
  static readonly manifest = amazonManifest;
  static readonly credentials = amazonCredentials;

  readonly settings: AmazonSettings;
  private readonly tokens: TokenRefresher;
  private readonly pacer: OperationPacer;
  private readonly view = new ChannelView();
  private readonly tracker = new FeedTracker();
  private readonly amazonFulfilled = new Map<string, boolean>();
  private readonly feeds: ListingsFeedRoute;
  private readonly reports: MerchantListingsReports;
  private readonly orders: OrdersPoller;

  constructor(context: AmazonConnectorContext) {
    super(AmazonConnector, context);
    const parsed = amazonSettings.safeParse(context.settings ?? {});
    if (!parsed.success) {
      throw new ConnectorError(
        'permanent',
        `Amazon settings are invalid:\n${z.prettifyError(parsed.error)}`,
      );
    }
    this.settings = parsed.data;
    this.tokens = new TokenRefresher({
      clock: this.clock,
      fetchToken: () => this.fetchToken(),
    });
    this.pacer = new OperationPacer(usagePlans(this.settings), this.clock);
    const caller = this.caller();
    const account = {
      sellerId: this.credentials.sellerId,
      marketplaceId: this.credentials.marketplaceId,
    };
    this.feeds = new ListingsFeedRoute(
      caller,
      this.tracker,
      account,
      this.settings,
    );
    this.reports = new MerchantListingsReports(
      caller,
      account.marketplaceId,
      this.settings,
    );
    this.orders = new OrdersPoller(
      caller,
      account.marketplaceId,
      this.settings,
      this.manifest.bulk.orders,
    );
  }

  protected async authHeaders(): Promise<Record<string, string>> {
    return { 'x-amz-access-token': await this.tokens.get() };
  }

  override async push(items: PushItem[]): Promise<PushResult[]> {
    if (items.length < this.settings.feedThreshold) {
      return super.push(items);
    }
    validatePushItems(items);
    return this.pushByFeed(items);
  }

  protected async pushChunk(items: PushItem[]): Promise<PushResult[]> {
    const results: PushResult[] = [];
    for (const item of items) {
      results.push(await this.patch(item));
    }
    return results;
  }

  override async read(listingIds: string[]): Promise<ReadResult[]> {
    const bad = listingIds.flatMap((sku, i) => {
      const problem = skuProblem(sku);
      return problem === null ? [] : [`listingIds[${i}] "${sku}" ${problem}`];
    });
    if (bad.length > 0) {
      throw new ConnectorError(
        'permanent',
        `Amazon cannot read these listings:\n${bad.map((b) => `  - ${b}`).join('\n')}`,
      );
    }
    if (listingIds.length < this.settings.reportReadThreshold) {
      return super.read(listingIds);
    }
    const rows = new Map(
      (await this.reports.fresh()).rows.map((row) => [row.sku, row]),
    );
    return listingIds.map((listingId) => {
      const row = rows.get(listingId);
      return row
        ? { listingId, found: true, quantity: row.quantity }
        : { listingId, found: false };
    });
  }

  protected async readChunk(listingIds: string[]): Promise<ReadResult[]> {
    const results: ReadResult[] = [];
    for (const listingId of listingIds) {
      const state = await this.listingState(listingId);
      results.push(
        state
          ? { listingId, found: true, quantity: state.quantity ?? 0 }
          : { listingId, found: false },
      );
    }
    return results;
  }

  async listCatalogue(cursor: string | null): Promise<CataloguePage> {
    let reportId: string;
    let offset = 0;
    let rows: MerchantListingRow[];
    if (cursor === null) {
      ({ reportId, rows } = await this.reports.fresh());
    } else {
      const match = /^(.+):(\d+)$/.exec(cursor);
      if (!match) {
        throw new ConnectorError(
          'permanent',
          `"${cursor}" is not an Amazon catalogue cursor; expected <reportId>:<offset> from a previous page`,
        );
      }
      reportId = match[1];
      offset = Number(match[2]);
      rows = await this.reports.rows(reportId);
    }
    const page = rows.slice(offset, offset + this.manifest.bulk.catalogue);
    const next = offset + page.length;
    return {
      listings: page.map((row) => ({
        listingId: row.sku,
        sellerSku: row.sku,
        jan: row.jan,
        title: row.title,
        quantity: row.quantity,
      })),
      nextCursor: next < rows.length ? `${reportId}:${next}` : null,
    };
  }

  fetchOrders(cursor: string | null): Promise<OrderPage> {
    return this.orders.fetch(cursor);
  }

  /**
   * ORDER_CHANGE notifications become order events; LISTINGS_ITEM_MFN_QUANTITY_CHANGE updates what
   * we know the channel shows, so the next write subtracts sales we have not ingested yet.
   */
  override parseWebhook(request: RawWebhookRequest): WebhookDelivery {
    const notifications = readNotifications(
      request,
      this.credentials.notificationSecret,
    );
    const events: OrderEvent[] = [];
    for (const notification of notifications) {
      const sellerId =
        notification.NotificationType === 'ORDER_CHANGE'
          ? notification.Payload.OrderChangeNotification.SellerId
          : notification.Payload.SellerId;
      if (sellerId !== this.credentials.sellerId) {
        throw new ConnectorError(
          'permanent',
          `Amazon notification ${notification.NotificationMetadata.NotificationId} is for seller ${sellerId}, not this account's ${this.credentials.sellerId}: check the relay's routing`,
        );
      }
      if (notification.NotificationType === 'ORDER_CHANGE') {
        events.push(
          ...deriveOrderEvents(
            snapshotFromNotification(notification),
            this.settings,
          ).map((e) => e.event),
        );
      } else if (
        notification.Payload.FulfillmentChannelCode === MERCHANT_CHANNEL_CODE
      ) {
        this.view.observe(
          notification.Payload.Sku,
          notification.Payload.Quantity,
          Date.parse(notification.EventTime),
        );
      }
    }
    return {
      deliveryId:
        notifications.length === 1
          ? notifications[0].NotificationMetadata.NotificationId
          : null,
      events,
    };
  }

  async checkListingSettings(
    listingIds: string[],
  ): Promise<ListingSettingIssue[]> {
    const issues: ListingSettingIssue[] = [];
    const states = await this.lookUp(
      listingIds.filter((sku) => skuProblem(sku) === null),
    );
    for (const listingId of listingIds) {
      const state = states.get(listingId);
      if (!state) {
        continue;
      }
      if (state.amazonFulfilled) {
        issues.push({
          listingId,
          setting: 'fulfillment_channel',
          message:
            'Amazon fulfils this listing (FBA): its stock is counted by Amazon, and urikiri never writes its quantity.',
          fix: 'Keep it out of urikiri allocation, or in Seller Central switch it to merchant-fulfilled (出品者出荷) if you ship it yourself.',
        });
      }
      if (state.alwaysAvailable) {
        issues.push({
          listingId,
          setting: 'fulfillment_availability.is_inventory_available',
          message:
            'Amazon treats this listing as always in stock and ignores its quantity, so it keeps selling at 0.',
          fix: 'In Seller Central, edit the offer and set a quantity instead of "always available"; urikiri\'s next push also replaces it.',
        });
      }
    }
    return issues;
  }

  /** FBA stock per SKU from the FBA Inventory API (50 SKUs per call), for display and simulation. */
  async fbaStock(skus: string[]): Promise<FbaStock[]> {
    const out: FbaStock[] = [];
    for (let i = 0; i < skus.length; i += 50) {
      let nextToken: string | undefined;
      do {
        const body: GetInventorySummariesResponse =
          await this.call<GetInventorySummariesResponse>(
            'read',
            'getInventorySummaries',
            {
              method: 'GET',
              url: '/fba/inventory/v1/summaries',
              params: {
                details: true,
                granularityType: 'Marketplace',
                granularityId: this.credentials.marketplaceId,
                marketplaceIds: this.credentials.marketplaceId,
                sellerSkus: skus.slice(i, i + 50).join(','),
                ...(nextToken === undefined ? {} : { nextToken }),
              },
            },
          );
        for (const summary of body.payload?.inventorySummaries ?? []) {
          const details = summary.inventoryDetails ?? {};
          out.push({
            sku: summary.sellerSku ?? '',
            fulfillable: details.fulfillableQuantity ?? 0,
            inbound:
              (details.inboundWorkingQuantity ?? 0) +
              (details.inboundShippedQuantity ?? 0) +
              (details.inboundReceivingQuantity ?? 0),
            reserved: details.reservedQuantity?.totalReservedQuantity ?? 0,
            total: summary.totalQuantity ?? 0,
          });
        }
        nextToken = body.pagination?.nextToken;
      } while (nextToken !== undefined);
    }
    return out;
  }

  private async patch(item: PushItem): Promise<PushResult> {
    const base = { listingId: item.listingId, version: item.version };
    const refused = this.refusal(item);
    if (refused) {
      return refused;
    }
    const feedId = this.tracker.feedOf(item.listingId);
    if (feedId !== null && (await this.feeds.stillRunning(feedId))) {
      return {
        ...base,
        status: 'retryable',
        message: `SKU ${item.listingId} is in Amazon feed ${feedId}, which is still processing; it is written after that feed`,
      };
    }
    this.tracker.startPatch(item.listingId);
    try {
      const state = (await this.lookUp([item.listingId])).get(item.listingId);
      if (!state) {
        return {
          ...base,
          status: 'permanent',
          code: 'listing-not-found',
          message: `Amazon has no listing with seller SKU "${item.listingId}" in marketplace ${this.credentials.marketplaceId}`,
        };
      }
      if (state.amazonFulfilled) {
        return this.fbaRefusal(item);
      }
      const quantity = writableQuantity(
        item.target,
        item.lastPublished,
        state.quantity,
      );
      const body: ListingsItemPatchRequest = {
        productType: this.settings.productType,
        patches: [quantityPatch(quantity)],
      };
      const answer = await this.call<ListingsItemSubmissionResponse>(
        'push',
        'patchListingsItem',
        {
          method: 'PATCH',
          url: this.listingPath(item.listingId),
          params: {
            marketplaceIds: this.credentials.marketplaceId,
            includedData: 'issues',
          },
          data: body,
        },
      );
      if (answer.status !== 'ACCEPTED') {
        const errors = (answer.issues ?? []).filter(
          (i) => i.severity === 'ERROR',
        );
        return {
          ...base,
          status: 'permanent',
          code: errors[0]?.code ?? answer.status,
          message: `Amazon refused the quantity of SKU ${item.listingId} (${answer.status}): ${errors.map((e) => `${e.code} ${e.message}`).join('; ') || 'no reason given'}`,
        };
      }
      this.view.observe(item.listingId, quantity, this.clock());
      return { ...base, status: 'ok', channelQuantity: quantity };
    } finally {
      this.tracker.endPatch(item.listingId);
    }
  }

  private async pushByFeed(items: PushItem[]): Promise<PushResult[]> {
    const results = new Map<PushItem, PushResult>();
    const pending: PushItem[] = [];
    for (const item of items) {
      const refused = this.refusal(item);
      if (refused) {
        results.set(item, refused);
      } else {
        pending.push(item);
      }
    }
    try {
      if (pending.some((item) => !this.amazonFulfilled.has(item.listingId))) {
        // Unknown SKUs: learn which exist and which Amazon fulfils before a feed converts an FBA offer.
        this.learn((await this.reports.fresh()).rows);
      }
      const running = new Map<string, boolean>();
      const patching = this.tracker.patchingOf(pending.map((i) => i.listingId));
      const writes: { item: PushItem; quantity: number }[] = [];
      for (const item of pending) {
        const base = { listingId: item.listingId, version: item.version };
        const feedId = this.tracker.feedOf(item.listingId);
        if (feedId !== null && !running.has(feedId)) {
          running.set(feedId, await this.feeds.stillRunning(feedId));
        }
        if (feedId !== null && running.get(feedId)) {
          results.set(item, {
            ...base,
            status: 'retryable',
            message: `SKU ${item.listingId} is in Amazon feed ${feedId}, which is still processing`,
          });
        } else if (patching.has(item.listingId)) {
          results.set(item, {
            ...base,
            status: 'retryable',
            message: `SKU ${item.listingId} is being patched right now; push it again after that patch`,
          });
        } else if (!this.amazonFulfilled.has(item.listingId)) {
          results.set(item, {
            ...base,
            status: 'permanent',
            code: 'listing-not-found',
            message: `Amazon has no listing with seller SKU "${item.listingId}" in marketplace ${this.credentials.marketplaceId}`,
          });
        } else if (this.amazonFulfilled.get(item.listingId)) {
          results.set(item, this.fbaRefusal(item));
        } else {
          writes.push({
            item,
            quantity: writableQuantity(
              item.target,
              item.lastPublished,
              this.view.quantity(item.listingId),
            ),
          });
        }
      }
      if (writes.length > 0) {
        const outcomes = await this.feeds.submit(
          writes.map((w) => ({ sku: w.item.listingId, quantity: w.quantity })),
        );
        writes.forEach(({ item }, index) => {
          const outcome = outcomes[index];
          const base = { listingId: item.listingId, version: item.version };
          if (outcome.status === 'applied') {
            this.view.observe(item.listingId, outcome.quantity, this.clock());
            results.set(item, {
              ...base,
              status: 'ok',
              channelQuantity: outcome.quantity,
            });
          } else if (outcome.status === 'rejected') {
            results.set(item, {
              ...base,
              status: 'permanent',
              code: outcome.code,
              message: outcome.message,
            });
          } else {
            results.set(item, {
              ...base,
              status: 'retryable',
              message: outcome.message,
            });
          }
        });
      }
    } catch (error) {
      const failure = toConnectorError(error);
      for (const item of pending.filter((i) => !results.has(i))) {
        results.set(item, this.failureResult(item, failure));
      }
    }
    return items.map((item) => results.get(item) as PushResult);
  }

  private failureResult(item: PushItem, error: ConnectorError): PushResult {
    const base = {
      listingId: item.listingId,
      version: item.version,
      message: error.message,
    };
    switch (error.kind) {
      case 'rate-limited':
        return {
          ...base,
          status: 'rate-limited',
          retryAfterMs: error.retryAfterMs ?? 1000,
        };
      case 'permanent':
        return { ...base, status: 'permanent', code: error.code ?? null };
      case 'stale':
        return { ...base, status: 'stale', channelQuantity: null };
      default:
        return { ...base, status: error.kind };
    }
  }

  /** Refusals decided before any call: a SKU Amazon would reject, a quantity above the maximum. */
  private refusal(item: PushItem): PushResult | null {
    const base = {
      listingId: item.listingId,
      version: item.version,
      status: 'permanent' as const,
    };
    const problem = skuProblem(item.listingId);
    if (problem !== null) {
      return {
        ...base,
        code: 'invalid-sku',
        message: `listingId "${item.listingId}" ${problem}`,
      };
    }
    if (item.target > this.manifest.maxQuantity) {
      return {
        ...base,
        code: 'above-max-quantity',
        message: `target ${item.target} is above the amazon maximum of ${this.manifest.maxQuantity}`,
      };
    }
    return null;
  }

  private fbaRefusal(item: PushItem): PushResult {
    return {
      listingId: item.listingId,
      version: item.version,
      status: 'permanent',
      code: 'fba-listing',
      message: `SKU ${item.listingId} is fulfilled by Amazon (FBA): Amazon counts its stock, and writing a DEFAULT quantity would turn it into a merchant-fulfilled offer`,
    };
  }

  private learn(rows: readonly MerchantListingRow[]): void {
    const now = this.clock();
    for (const row of rows) {
      const amazonFulfilled = row.fulfillmentChannel !== MERCHANT_CHANNEL_CODE;
      this.amazonFulfilled.set(row.sku, amazonFulfilled);
      if (!amazonFulfilled) {
        this.view.observe(row.sku, row.quantity, now);
      }
    }
  }

  /** Read-back before a write or a settings check: searchListingsItems, up to 20 SKUs a call. */
  private async lookUp(
    skus: readonly string[],
  ): Promise<Map<string, ListingState>> {
    const states = new Map<string, ListingState>();
    for (let i = 0; i < skus.length; i += SEARCH_IDENTIFIERS_MAX) {
      const part = skus.slice(i, i + SEARCH_IDENTIFIERS_MAX);
      const found = await this.call<ItemSearchResults>(
        'read',
        'searchListingsItems',
        {
          method: 'GET',
          url: `/listings/2021-08-01/items/${encodeURIComponent(this.credentials.sellerId)}`,
          params: {
            marketplaceIds: this.credentials.marketplaceId,
            identifiers: part.join(','),
            identifiersType: 'SKU',
            includedData: 'attributes,fulfillmentAvailability',
            pageSize: SEARCH_IDENTIFIERS_MAX,
          },
        },
      );
      for (const item of found.items) {
        states.set(item.sku, this.stateOf(item));
      }
    }
    return states;
  }

  private async listingState(sku: string): Promise<ListingState | null> {
    try {
      const item = await this.call<ListingsItem>('read', 'getListingsItem', {
        method: 'GET',
        url: this.listingPath(sku),
        params: {
          marketplaceIds: this.credentials.marketplaceId,
          includedData: 'fulfillmentAvailability',
        },
      });
      return this.stateOf(item);
    } catch (error) {
      if (error instanceof ConnectorError && error.httpStatus === 404) {
        return null;
      }
      throw error;
    }
  }

  private stateOf(item: ListingsItem): ListingState {
    const availability = item.fulfillmentAvailability ?? [];
    const merchant = availability.find(
      (a) => a.fulfillmentChannelCode === MERCHANT_CHANNEL_CODE,
    );
    const amazonFulfilled = merchant === undefined && availability.length > 0;
    const alwaysAvailable = (
      item.attributes?.fulfillment_availability ?? []
    ).some(
      (a) =>
        a.fulfillment_channel_code === MERCHANT_CHANNEL_CODE &&
        a.is_inventory_available === true,
    );
    const quantity = merchant ? (merchant.quantity ?? 0) : null;
    this.amazonFulfilled.set(item.sku, amazonFulfilled);
    if (quantity !== null) {
      this.view.observe(item.sku, quantity, this.clock());
    }
    return { quantity, amazonFulfilled, alwaysAvailable };
  }

  private listingPath(sku: string): string {
    return `/listings/2021-08-01/items/${encodeURIComponent(this.credentials.sellerId)}/${encodeURIComponent(sku)}`;
  }

  /**
   * One SP-API call: the operation's own bucket, then the SDK gate and auth. An expired access
   * token is refreshed and the call retried once; any other 403 stays refused. A 429 holds the
   * operation for one refill of its bucket, as Amazon sends no Retry-After.
   */
  private async call<T>(
    kind: ConnectorOperation,
    operation: AmazonOperation,
    config: AxiosRequestConfig,
  ): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      await this.pacer.acquire(operation);
      try {
        return (await this.send<T>(kind, config)).data;
      } catch (error) {
        if (!(error instanceof ConnectorError)) {
          throw error;
        }
        if (error.kind === 'auth' && attempt === 0 && isExpiredToken(error)) {
          this.tokens.invalidate();
          continue;
        }
        if (error.kind === 'rate-limited') {
          const wait = Math.max(
            error.retryAfterMs ?? 0,
            this.pacer.throttled(operation),
          );
          throw new ConnectorError(
            'rate-limited',
            `amazon ${operation}: ${amazonErrorOf(error)?.code ?? 'QuotaExceeded'}: throttled; next call in ${wait} ms`,
            {
              retryAfterMs: wait,
              httpStatus: 429,
              code: 'QuotaExceeded',
              cause: error.cause,
            },
          );
        }
        throw withAmazonReason(error, operation);
      }
    }
  }

  private caller(): AmazonCaller {
    return {
      call: (kind, operation, config) => this.call(kind, operation, config),
      upload: async (url, body, contentType) => {
        try {
          await this.http.put(url, body, {
            headers: { 'content-type': contentType },
          });
        } catch (error) {
          throw toConnectorError(error, this.clock());
        }
      },
      download: async (url, compression) => {
        try {
          const response = await this.http.get<ArrayBuffer>(url, {
            responseType: 'arraybuffer',
          });
          const bytes = Buffer.from(response.data);
          const raw = compression === 'GZIP' ? gunzipSync(bytes) : bytes;
          return new TextDecoder(
            charsetOf(String(response.headers['content-type'] ?? '')),
          ).decode(raw);
        } catch (error) {
          throw toConnectorError(error, this.clock());
        }
      },
      sleep,
      now: () => this.clock(),
    };
  }

  private async fetchToken(): Promise<AccessToken> {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: this.credentials.refreshToken,
      client_id: this.credentials.clientId,
      client_secret: this.credentials.clientSecret,
    });
    try {
      const { data } = await this.http.post<LwaTokenAnswer>(
        this.credentials.tokenUrl,
        form.toString(),
        {
          headers: {
            'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
          },
        },
      );
      return {
        accessToken: data.access_token,
        expiresInMs: data.expires_in * 1000,
      };
    } catch (error) {
      const status = isAxiosError(error) ? error.response?.status : undefined;
      if (
        status !== undefined &&
        status >= 400 &&
        status < 500 &&
        status !== 429
      ) {
        const answer = (
          isAxiosError(error) ? error.response?.data : undefined
        ) as Partial<LwaErrorAnswer> | undefined;
        throw new ConnectorError(
          'auth',
          `Login with Amazon refused the refresh token: ${answer?.error ?? `HTTP ${status}`}${answer?.error_description ? ` (${answer.error_description})` : ''}. ` +
            'Authorise the app again in Seller Central and store the new refresh token.',
          { httpStatus: status, code: answer?.error, cause: error },
        );
      }
      throw toConnectorError(error, this.clock());
    }
  }
}

/** Amazon.co.jp reports come in Shift_JIS (Cp932); others in UTF-8 or ISO-8859-1, as the header says. */
function charsetOf(contentType: string): string {
  const charset =
    /charset=([^;]+)/i.exec(contentType)?.[1]?.trim().toLowerCase() ?? 'utf-8';
  return [
    'cp932',
    'windows-31j',
    'ms932',
    'sjis',
    'shift-jis',
    'x-sjis',
  ].includes(charset)
    ? 'shift_jis'
    : charset;
}
