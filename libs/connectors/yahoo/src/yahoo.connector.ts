import {
  BaseConnector,
  ConnectorError,
  TokenRefresher,
  classify,
  type AccessToken,
  type CataloguePage,
  type ConnectorContext,
  type ConnectorOperation,
  type ListingSettingIssue,
  type OrderPage,
  type PushItem,
  type PushResult,
  type ReadResult,
  UncertainWriteJournal,
} from '@urikiri/connector-sdk';
import { isAxiosError, type AxiosRequestConfig } from 'axios';
import { OrdersPoller } from './orders/orders.poller';
import { planStockWrite, type StockWrite } from './stock/stock-write.planner';
import {
  resultQuantity,
  stockResultsByListing,
} from './stock/stock-answer.reader';
import { yahooCredentials, type YahooCredentials } from './yahoo.credentials';
import { withYahooError } from './yahoo-error.reader';
import {
  itemRefToListingId,
  parseItemRef,
  type YahooItemRef,
} from './yahoo-item-code.codec';
import { yahooManifest } from './yahoo.manifest';
import {
  YAHOO_AUTH_URL,
  YAHOO_PATHS,
  type YahooItemListAnswer,
  type YahooOrderListAnswer,
  type YahooStockAnswer,
  type YahooStockForm,
  type YahooStockResult,
} from './yahoo-wire.types';
import { parseYahooXml } from './yahoo-xml.codec';

/** How far back the first order poll looks. */
const ORDERS_LOOKBACK_DAYS = 30;
const NO_ANSWER_KINDS = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ERR_NETWORK',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

interface TokenAnswer {
  access_token: string;
  expires_in: number;
}

function itemCodes(refs: readonly YahooItemRef[]): string {
  return refs.map((r) => itemRefToListingId(r.code, r.subCode)).join(',');
}

/** True when the call may have been applied but no answer came back. */
function answerLost(error: unknown): boolean {
  const c = classify(error);
  return (
    c.httpStatus === undefined &&
    c.kind === 'retryable' &&
    (c.code === undefined || NO_ANSWER_KINDS.has(c.code))
  );
}

/**
 * Yahoo!ショッピング store API: form-encoded setStock with `+N`/`-N` changes from what we last
 * published (the write race), 207 partial success per item, getStock for read-backs and listing
 * settings, myItemList for the catalogue, orderList polling, Bearer tokens from Yahoo! ID連携.
 */
export class YahooConnector extends BaseConnector<YahooCredentials> {
  static readonly id = yahooManifest.id;
  static readonly manifest = yahooManifest;
  static readonly credentials = yahooCredentials;

  private readonly tokens: TokenRefresher;
  private readonly tokenUrl: string;
  private readonly journal = new UncertainWriteJournal();
  private readonly orders: OrdersPoller;

  constructor(context: ConnectorContext) {
    super(YahooConnector, context);
    // Production tokens come from the Yahoo! ID host; an account pointed elsewhere (a sandbox) gets
    // them from that same host.
    this.tokenUrl = `${context.baseUrl ?? YAHOO_AUTH_URL}${YAHOO_PATHS.token}`;
    this.tokens = new TokenRefresher({
      clock: this.clock,
      fetchToken: () => this.fetchToken(),
    });
    this.orders = new OrdersPoller(
      { orderList: (xml) => this.orderList(xml), now: () => this.clock() },
      this.credentials.sellerId,
      this.manifest.bulk.orders,
      ORDERS_LOOKBACK_DAYS,
    );
  }

  protected async authHeaders(): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await this.tokens.get()}` };
  }

  protected override onAuthRejected(): boolean {
    this.tokens.invalidate();
    return true;
  }

  protected async pushChunk(items: PushItem[]): Promise<PushResult[]> {
    const results = new Map<PushItem, PushResult>();
    const current = await this.currentOfNeverPublished(items);
    const writes: StockWrite[] = [];
    for (const item of items) {
      const plan = planStockWrite(
        item,
        current.get(item.listingId),
        this.journal.offsetOf(item.listingId),
      );
      if ('result' in plan) {
        results.set(item, plan.result);
      } else {
        writes.push(plan.write);
      }
    }
    if (writes.length > 0) {
      for (const [item, result] of await this.setStock(writes)) {
        results.set(item, result);
      }
    }
    return items.map((item) => results.get(item) as PushResult);
  }

  protected async readChunk(listingIds: string[]): Promise<ReadResult[]> {
    const rows = await this.getStock(listingIds);
    return listingIds.map((listingId) => {
      const quantity = resultQuantity(rows.get(listingId));
      return quantity === null
        ? { listingId, found: false }
        : { listingId, found: true, quantity };
    });
  }

  async listCatalogue(cursor: string | null): Promise<CataloguePage> {
    const start = cursor === null ? 1 : Number(cursor);
    if (!Number.isInteger(start) || start < 1) {
      throw new ConnectorError(
        'permanent',
        `"${cursor}" is not a Yahoo!ショッピング catalogue cursor; pass back a nextCursor (a start position from 1) or null`,
      );
    }
    const page = this.manifest.bulk.catalogue;
    const { data } = await this.call('catalogue', {
      method: 'GET',
      url: YAHOO_PATHS.myItemList,
      params: { seller_id: this.credentials.sellerId, start, results: page },
    });
    const answer = parseYahooXml<YahooItemListAnswer>(data);
    const items = answer.ResultSet?.Result ?? [];
    const ids = items.map((i) => itemRefToListingId(i.ItemCode, i.SubCode));
    const stock =
      ids.length > 0
        ? await this.getStock(ids)
        : new Map<string, YahooStockResult>();
    const total = Number(answer.ResultSet?.['@_totalResultsAvailable'] ?? 0);
    return {
      listings: items.map((item, i) => ({
        listingId: ids[i],
        sellerSku: item.ProductCode || null,
        jan: item.Jan || null,
        title: item.Name,
        quantity: resultQuantity(stock.get(ids[i])) ?? 0,
      })),
      nextCursor:
        start - 1 + items.length < total && items.length > 0
          ? String(start + items.length)
          : null,
    };
  }

  async fetchOrders(cursor: string | null): Promise<OrderPage> {
    return this.orders.fetch(cursor);
  }

  async checkListingSettings(
    listingIds: string[],
  ): Promise<ListingSettingIssue[]> {
    const issues: ListingSettingIssue[] = [];
    for (let i = 0; i < listingIds.length; i += this.manifest.bulk.read) {
      const rows = await this.getStock(
        listingIds.slice(i, i + this.manifest.bulk.read),
      );
      for (const [listingId, row] of rows) {
        if (row.AllowOverdraft === '1') {
          issues.push({
            listingId,
            setting: 'allow_overdraft',
            message:
              'Yahoo!ショッピング takes orders for this item when its stock is 0 (在庫切れ時の注文受付), so it can sell units that do not exist.',
            fix: "In ストアクリエイターPro, open the item's 在庫 settings and set 在庫切れ時の注文受付 to 受け付けない.",
          });
        }
      }
    }
    return issues;
  }

  /** One call through the SDK's pacing, auth and error taxonomy; answers are XML text. */
  private async call(
    operation: ConnectorOperation,
    config: AxiosRequestConfig,
  ): Promise<{ data: string; status: number }> {
    try {
      const response = await this.send<string>(operation, {
        ...config,
        responseType: 'text',
        transformResponse: (d: unknown) => d,
      });
      return { data: response.data, status: response.status };
    } catch (error) {
      throw withYahooError(error);
    }
  }

  private form(fields: Omit<YahooStockForm, 'seller_id'>): AxiosRequestConfig {
    const form: YahooStockForm = {
      seller_id: this.credentials.sellerId,
      ...fields,
    };
    return {
      method: 'POST',
      data: new URLSearchParams({ ...form }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    };
  }

  /** getStock rows by listing id; ids Yahoo! would refuse are left out (they are not found). */
  private async getStock(
    listingIds: readonly string[],
  ): Promise<Map<string, YahooStockResult>> {
    const refs = listingIds
      .map(parseItemRef)
      .filter((r): r is YahooItemRef => r !== null);
    if (refs.length === 0) {
      return new Map();
    }
    const { data } = await this.call('read', {
      ...this.form({ item_code: itemCodes(refs) }),
      url: YAHOO_PATHS.getStock,
    });
    return stockResultsByListing(parseYahooXml<YahooStockAnswer>(data));
  }

  private async currentOfNeverPublished(
    items: readonly PushItem[],
  ): Promise<Map<string, number>> {
    const ids = items
      .filter(
        (i) =>
          i.lastPublished === null &&
          i.target !== 0 &&
          parseItemRef(i.listingId) !== null,
      )
      .map((i) => i.listingId);
    const current = new Map<string, number>();
    if (ids.length > 0) {
      for (const [id, row] of await this.getStock(ids)) {
        const quantity = resultQuantity(row);
        if (quantity !== null) {
          current.set(id, quantity);
        }
      }
    }
    return current;
  }

  private async setStock(
    writes: readonly StockWrite[],
  ): Promise<Map<PushItem, PushResult>> {
    const outcome = new Map<PushItem, PushResult>();
    let data: string;
    try {
      ({ data } = await this.call('push', {
        ...this.form({
          item_code: itemCodes(writes.map((w) => w.ref)),
          quantity: writes.map((w) => w.quantity).join(','),
        }),
        url: YAHOO_PATHS.setStock,
      }));
    } catch (error) {
      if (answerLost(error)) {
        writes.forEach((w) =>
          this.journal.recordUnanswered(w.item.listingId, w.delta),
        );
      }
      throw error;
    }
    const results = stockResultsByListing(
      parseYahooXml<YahooStockAnswer>(data),
    );
    for (const { item } of writes) {
      const base = { listingId: item.listingId, version: item.version };
      const result = results.get(item.listingId);
      if (result?.ErrorCode !== undefined) {
        this.journal.settle(item.listingId);
        outcome.set(item, {
          ...base,
          status: 'permanent',
          code: result.ErrorCode,
          message:
            `Yahoo!ショッピング refused ${item.listingId}: ${result.ErrorCode} ${result.ErrorMessage ?? ''}`.trim(),
        });
      } else if (result === undefined) {
        outcome.set(item, {
          ...base,
          status: 'retryable',
          message: `Yahoo!ショッピング answered setStock without a result for ${item.listingId}`,
        });
      } else {
        const readBack = this.journal.settle(item.listingId);
        outcome.set(item, {
          ...base,
          status: 'ok',
          channelQuantity: resultQuantity(result),
          ...(readBack ? { readBack } : {}),
        });
      }
    }
    return outcome;
  }

  private async orderList(xml: string): Promise<YahooOrderListAnswer> {
    const { data } = await this.call('orders', {
      method: 'POST',
      url: YAHOO_PATHS.orderList,
      data: xml,
      headers: { 'content-type': 'application/xml; charset=utf-8' },
    });
    return parseYahooXml<YahooOrderListAnswer>(data);
  }

  private async fetchToken(): Promise<AccessToken> {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: this.credentials.refreshToken,
      client_id: this.credentials.clientId,
      client_secret: this.credentials.clientSecret,
    });
    try {
      const { data } = await this.http.post<TokenAnswer>(
        this.tokenUrl,
        form.toString(),
        {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
      );
      return {
        accessToken: data.access_token,
        expiresInMs: data.expires_in * 1000,
      };
    } catch (error) {
      // Yahoo! ID連携 answers a revoked or wrong refresh token with 400 invalid_grant: only the
      // operator can fix that, so it is an auth failure, not a bad request.
      if (isAxiosError(error) && error.response?.status === 400) {
        throw new ConnectorError(
          'auth',
          'Yahoo!ショッピング refused the refresh token or the client (invalid_grant): authorise the app again in ストアクリエイターPro',
          {
            httpStatus: 400,
            code: 'invalid_grant',
            cause: error,
          },
        );
      }
      throw error;
    }
  }
}
