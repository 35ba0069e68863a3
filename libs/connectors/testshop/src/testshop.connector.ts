import {
  BaseConnector,
  ConnectorError,
  TokenRefresher,
  WebhookRejectedError,
  headerValue,
  verifyHmacSignature,
  type AccessToken,
  type CataloguePage,
  type ConnectorContext,
  type ListingSettingIssue,
  type OrderEvent,
  type OrderPage,
  type PushItem,
  type PushResult,
  type RawWebhookRequest,
  type ReadResult,
  type WebhookDelivery,
} from '@urikiri/connector-sdk';
import {
  testshopCredentials,
  type TestshopCredentials,
} from './testshop.credentials';
import { testshopManifest } from './testshop.manifest';
import {
  TESTSHOP_DELIVERY_HEADER,
  TESTSHOP_SIGNATURE_HEADER,
  type TestshopEventsAnswer,
  type TestshopGetAnswer,
  type TestshopListingsAnswer,
  type TestshopOrderEvent,
  type TestshopSetAnswer,
  type TestshopSetItem,
  type TestshopSetOutcome,
  type TestshopTokenAnswer,
  type TestshopWebhookBody,
} from './testshop-wire.types';

function toOrderEvent(event: TestshopOrderEvent): OrderEvent {
  return {
    eventId: event.id,
    orderId: event.order_id,
    lineId: event.line_id,
    listingId: event.listing_id,
    sellerSku: event.seller_sku,
    status: event.status,
    quantity: event.quantity,
    occurredAt: event.occurred_at,
    ...(event.restocked === undefined ? {} : { restocked: event.restocked }),
  };
}

function toPushResult(
  item: PushItem,
  outcome: TestshopSetOutcome | undefined,
): PushResult {
  const base = { listingId: item.listingId, version: item.version };
  if (outcome === undefined) {
    return {
      ...base,
      status: 'retryable',
      message: 'Testshop answered without a result for this listing',
    };
  }
  switch (outcome.status) {
    case 'applied':
      return { ...base, status: 'ok', channelQuantity: outcome.quantity };
    case 'stale':
      return {
        ...base,
        status: 'stale',
        channelQuantity: outcome.quantity,
        message: `Testshop shows ${outcome.quantity}, not the ${item.lastPublished} we last published: ingest its orders first`,
      };
    case 'rejected':
      return {
        ...base,
        status: 'permanent',
        code: outcome.code,
        message: outcome.message,
      };
  }
}

/**
 * Testshop: compare-and-set pushes keyed for idempotency, OAuth2 refresh-token auth, cursor-paged
 * order events and HMAC-signed webhooks.
 */
export class TestshopConnector extends BaseConnector<TestshopCredentials> {
  static readonly id = testshopManifest.id;
  static readonly manifest = testshopManifest;
  static readonly credentials = testshopCredentials;

  private readonly tokens: TokenRefresher;

  constructor(context: ConnectorContext) {
    super(TestshopConnector, context);
    this.tokens = new TokenRefresher({
      clock: this.clock,
      fetchToken: () => this.fetchToken(),
    });
  }

  protected async authHeaders(): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await this.tokens.get()}` };
  }

  protected override onAuthRejected(): boolean {
    this.tokens.invalidate();
    return true;
  }

  protected async pushChunk(items: PushItem[]): Promise<PushResult[]> {
    const neverPublished = items
      .filter((i) => i.lastPublished === null)
      .map((i) => i.listingId);
    const current = new Map(
      (await this.read(neverPublished)).flatMap((r) =>
        r.found ? [[r.listingId, r.quantity] as const] : [],
      ),
    );
    const body: TestshopSetItem[] = items.map((item) => ({
      listing_id: item.listingId,
      quantity: item.target,
      // Never published: compare with what the channel shows now, so the first push is the only absolute one.
      compare_quantity: item.lastPublished ?? current.get(item.listingId) ?? 0,
      idempotency_key: `${item.listingId}@${item.version}`,
    }));
    const { data } = await this.send<TestshopSetAnswer>('push', {
      method: 'POST',
      url: '/v1/inventory/set',
      data: { items: body },
    });
    const outcomes = new Map(data.results.map((r) => [r.listing_id, r]));
    return items.map((item) =>
      toPushResult(item, outcomes.get(item.listingId)),
    );
  }

  protected async readChunk(listingIds: string[]): Promise<ReadResult[]> {
    const { data } = await this.send<TestshopGetAnswer>('read', {
      method: 'POST',
      url: '/v1/inventory/get',
      data: { listing_ids: listingIds },
    });
    const found = new Map(data.items.map((i) => [i.listing_id, i.quantity]));
    return listingIds.map((listingId) => {
      const quantity = found.get(listingId);
      return quantity === undefined
        ? { listingId, found: false }
        : { listingId, found: true, quantity };
    });
  }

  async listCatalogue(cursor: string | null): Promise<CataloguePage> {
    const { data } = await this.send<TestshopListingsAnswer>('catalogue', {
      method: 'GET',
      url: '/v1/listings',
      params: {
        limit: this.manifest.bulk.catalogue,
        ...(cursor === null ? {} : { cursor }),
      },
    });
    return {
      listings: data.listings.map((l) => ({
        listingId: l.listing_id,
        sellerSku: l.seller_sku,
        jan: l.jan,
        title: l.title,
        quantity: l.quantity,
      })),
      nextCursor: data.next_cursor,
    };
  }

  async fetchOrders(cursor: string | null): Promise<OrderPage> {
    const after = cursor ?? '0';
    if (!/^\d+$/.test(after)) {
      throw new ConnectorError(
        'permanent',
        `"${after}" is not a Testshop order cursor; expected the digits of an event sequence`,
      );
    }
    const { data } = await this.send<TestshopEventsAnswer>('orders', {
      method: 'GET',
      url: '/v1/order-events',
      params: { after, limit: this.manifest.bulk.orders },
    });
    const last = data.events.at(-1);
    return {
      events: data.events.map(toOrderEvent),
      nextCursor: last === undefined ? after : String(last.seq),
      hasMore: data.has_more,
    };
  }

  override parseWebhook(request: RawWebhookRequest): WebhookDelivery {
    const signature = headerValue(request.headers, TESTSHOP_SIGNATURE_HEADER);
    if (
      !verifyHmacSignature({
        secret: this.credentials.webhookSecret,
        payload: request.body,
        signature,
      })
    ) {
      throw new WebhookRejectedError(
        `Testshop webhook refused: ${TESTSHOP_SIGNATURE_HEADER} does not match the body`,
      );
    }
    let body: TestshopWebhookBody;
    try {
      body = JSON.parse(request.body.toString()) as TestshopWebhookBody;
    } catch {
      throw new ConnectorError(
        'permanent',
        'Testshop webhook is signed but its body is not JSON',
      );
    }
    return {
      deliveryId:
        headerValue(request.headers, TESTSHOP_DELIVERY_HEADER) ?? null,
      events: body.events.map(toOrderEvent),
    };
  }

  async checkListingSettings(
    listingIds: string[],
  ): Promise<ListingSettingIssue[]> {
    const issues: ListingSettingIssue[] = [];
    for (let i = 0; i < listingIds.length; i += this.manifest.bulk.read) {
      const { data } = await this.send<TestshopListingsAnswer>('catalogue', {
        method: 'POST',
        url: '/v1/listings/lookup',
        data: { listing_ids: listingIds.slice(i, i + this.manifest.bulk.read) },
      });
      for (const listing of data.listings.filter((l) => l.oversell_allowed)) {
        issues.push({
          listingId: listing.listing_id,
          setting: 'oversell_allowed',
          message:
            'Testshop keeps selling this listing when its stock is 0, so it can sell units that do not exist.',
          fix: 'In the Testshop admin, open the listing and turn off "Continue selling when out of stock".',
        });
      }
    }
    return issues;
  }

  private async fetchToken(): Promise<AccessToken> {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: this.credentials.refreshToken,
      client_id: this.credentials.clientId,
      client_secret: this.credentials.clientSecret,
    });
    const { data } = await this.http.post<TestshopTokenAnswer>(
      '/oauth/token',
      form.toString(),
      {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
    );
    return {
      accessToken: data.access_token,
      expiresInMs: data.expires_in * 1000,
    };
  }
}
