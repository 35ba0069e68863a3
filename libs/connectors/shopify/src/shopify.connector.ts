import {
  BaseConnector,
  ConnectorError,
  type CataloguePage,
  type ConnectorContext,
  type ListingSettingIssue,
  type OrderEvent,
  type OrderPage,
  type PushItem,
  type PushResult,
  type RawWebhookRequest,
  type ReadResult,
  type UnresolvedOrderEvent,
  type WebhookDelivery,
} from '@urikiri/connector-sdk';
import { SHOPIFY_ACCESS_TOKEN_HEADER, SHOPIFY_LOCATIONS_PER_QUERY, SHOPIFY_ORDERS_PER_QUERY } from './shopify-api.constants';
import { decodeCatalogueCursor, encodeCatalogueCursor, type CatalogueCursor } from './shopify-catalogue-cursor';
import { ShopifyGraphqlClient } from './shopify-graphql.client';
import {
  ITEM_SETTINGS_QUERY,
  LIST_LOCATIONS_QUERY,
  LOCATION_LEVELS_QUERY,
  ORDER_CHANGES_QUERY,
  READ_LEVELS_QUERY,
  SET_QUANTITIES_MUTATION,
} from './shopify-graphql.documents';
import { setQuantitiesKey } from './shopify-idempotency-key';
import {
  inventoryLevelGid,
  invalidListingIdMessage,
  listingIdOf,
  parseListingId,
  type ShopifyListingRef,
} from './shopify-listing-id';
import { ShopifyListingResolver } from './shopify-listing.resolver';
import { formatOrderCursor, parseOrderCursor } from './shopify-order-cursor';
import { comparePositions, orderEvents, type PositionedEvent } from './shopify-order-events.mapper';
import { snapshotFromGraphql } from './shopify-order.snapshot';
import { pushOutcomes, type PendingSet } from './shopify-push-outcome';
import { shopifyCredentials, type ShopifyCredentials } from './shopify.credentials';
import { shopifyManifest } from './shopify.manifest';
import { parseShopifyWebhook } from './shopify-webhook.parser';
import type {
  ShopifyItemSettingsData,
  ShopifyLocationLevelsData,
  ShopifyLocationsData,
  ShopifyOrderNode,
  ShopifyOrdersData,
  ShopifyQuantity,
  ShopifyReadLevelsData,
  ShopifySetQuantitiesData,
  ShopifySetQuantitiesInput,
} from './shopify-wire.types';

/** Shopify's split of one inventory level: an order moves units from available to committed. */
export interface ShopifyLevelQuantities {
  listingId: string;
  found: boolean;
  available: number;
  committed: number;
  onHand: number;
}

const quantity = (quantities: readonly ShopifyQuantity[], name: string): number =>
  quantities.find((q) => q.name === name)?.quantity ?? 0;

/**
 * Shopify Admin GraphQL (2026-04): compare-and-set pushes with `inventorySetQuantities`
 * (`changeFromQuantity` = what we last published, one `@idempotent` key per call), reads of
 * inventory levels, the catalogue by location, order events derived from orders and from signed
 * `orders/*` webhooks. Listings are `<inventoryItemId>@<locationId>`.
 */
export class ShopifyConnector extends BaseConnector<ShopifyCredentials> {
  static readonly id = shopifyManifest.id;
  static readonly manifest = shopifyManifest;
  static readonly credentials = shopifyCredentials;

  private readonly graphql: ShopifyGraphqlClient;
  /** Webhook lines → listings; also fed by the catalogue and by polling, which show the same links. */
  private readonly listings: ShopifyListingResolver;

  constructor(context: ConnectorContext) {
    super(ShopifyConnector, context);
    this.graphql = new ShopifyGraphqlClient({ send: (operation, config) => this.send(operation, config), clock: this.clock });
    this.listings = new ShopifyListingResolver({ graphql: this.graphql });
  }

  protected async authHeaders(): Promise<Record<string, string>> {
    return { [SHOPIFY_ACCESS_TOKEN_HEADER]: this.credentials.accessToken };
  }

  protected async pushChunk(items: PushItem[]): Promise<PushResult[]> {
    const results = new Map<PushItem, PushResult>();
    const refs = new Map<PushItem, ShopifyListingRef>();
    items.forEach((item, index) => {
      const ref = parseListingId(item.listingId);
      if (ref) {
        refs.set(item, ref);
      } else {
        results.set(item, {
          listingId: item.listingId,
          version: item.version,
          status: 'permanent',
          code: 'invalid-listing-id',
          message: invalidListingIdMessage(`items[${index}].listingId`, item.listingId),
        });
      }
    });

    // Never published: compare with what Shopify shows now, so even the first write is a compare-and-set.
    // Zero is the exception: it can never offer a unit Shopify sold, so it is set without a compare and a
    // sell-out lands at once, even while Shopify's latest orders are still on their way to us.
    const unpublished = items.filter((i) => refs.has(i) && i.lastPublished === null && i.target !== 0);
    const current = await this.readLevels(unpublished.map((i) => refs.get(i) as ShopifyListingRef));
    let pending: PendingSet[] = [];
    for (const item of items.filter((i) => refs.has(i))) {
      const ref = refs.get(item) as ShopifyListingRef;
      const changeFrom = item.target === 0 ? null : (item.lastPublished ?? current.get(item.listingId)?.available);
      if (changeFrom === undefined) {
        results.set(item, {
          listingId: item.listingId,
          version: item.version,
          status: 'permanent',
          code: 'ITEM_NOT_STOCKED_AT_LOCATION',
          message: `Shopify has no inventory level for item ${ref.inventoryItemId} at ${ref.locationId}: stock the item at that location first`,
        });
        continue;
      }
      pending.push({
        item,
        quantity: {
          inventoryItemId: ref.inventoryItemId,
          locationId: ref.locationId,
          quantity: item.target,
          changeFromQuantity: changeFrom,
        },
      });
    }

    // Shopify applies a set call whole or not at all: the items it refused get their result, the
    // rest go again in a call of their own (a stale item is never sent again with the same target).
    while (pending.length > 0) {
      const input: ShopifySetQuantitiesInput = {
        name: 'available',
        reason: 'correction',
        quantities: pending.map((p) => p.quantity),
      };
      const data = await this.graphql.request<ShopifySetQuantitiesData>('push', SET_QUANTITIES_MUTATION, {
        input,
        idempotencyKey: setQuantitiesKey(
          pending.map((p) => p.item),
          input.quantities,
        ),
      });
      const outcome = pushOutcomes(pending, data.inventorySetQuantities);
      outcome.settled.forEach((result, item) => results.set(item, result));
      pending = outcome.retry;
    }
    return items.map((item) => results.get(item) as PushResult);
  }

  protected async readChunk(listingIds: string[]): Promise<ReadResult[]> {
    return (await this.readQuantities(listingIds)).map((q) =>
      q.found ? { listingId: q.listingId, found: true, quantity: q.available } : { listingId: q.listingId, found: false },
    );
  }

  /**
   * Available, committed and on-hand units per listing, for reconciliation and for operators: an
   * order Shopify took moves units from available to committed until it is fulfilled. Listing ids
   * that cannot be Shopify's come back not found, without a call.
   */
  async readQuantities(listingIds: string[]): Promise<ShopifyLevelQuantities[]> {
    const found = new Map<string, ShopifyLevelQuantities>();
    for (let i = 0; i < listingIds.length; i += this.manifest.bulk.read) {
      const refs = listingIds.slice(i, i + this.manifest.bulk.read).flatMap((id) => parseListingId(id) ?? []);
      (await this.readLevels(refs)).forEach((q, id) => found.set(id, q));
    }
    return listingIds.map(
      (listingId) => found.get(listingId) ?? { listingId, found: false, available: 0, committed: 0, onHand: 0 },
    );
  }

  async listCatalogue(cursor: string | null): Promise<CataloguePage> {
    const at: CatalogueCursor | null = cursor === null ? await this.firstCatalogueCursor() : decodeCatalogueCursor(cursor);
    if (at === null) {
      return { listings: [], nextCursor: null };
    }
    const locationId = at.locations[0];
    const data = await this.graphql.request<ShopifyLocationLevelsData>('catalogue', LOCATION_LEVELS_QUERY, {
      locationId,
      first: this.manifest.bulk.catalogue,
      after: at.after,
    });
    const levels = data.location?.inventoryLevels;
    const listings = (levels?.nodes ?? []).flatMap((level) => {
      if (level.item.variant) {
        this.listings.rememberVariant(level.item.variant.id, level.item.id);
      }
      const listingId = listingIdOf(level.item.id, locationId);
      return listingId === null
        ? []
        : [
            {
              listingId,
              sellerSku: level.item.sku || null,
              jan: level.item.variant?.barcode || null,
              title: level.item.variant?.displayName ?? level.item.id,
              quantity: quantity(level.quantities, 'available'),
            },
          ];
    });
    const next: CatalogueCursor | null = levels?.pageInfo.hasNextPage
      ? { locations: at.locations, after: levels.pageInfo.endCursor }
      : at.locations.length > 1
        ? { locations: at.locations.slice(1), after: null }
        : null;
    return { listings, nextCursor: next === null ? null : encodeCatalogueCursor(next) };
  }

  /**
   * Shopify has orders, not an event stream: every order updated since the last event read is
   * fetched whole, its line events derived (ids from the Shopify records behind them), and those
   * after the cursor returned oldest first. Webhooks are the fast path; this catches up after them.
   */
  async fetchOrders(cursor: string | null): Promise<OrderPage> {
    const after = parseOrderCursor(cursor);
    const since = new Date(Math.floor(after.atMs / 1000) * 1000).toISOString();
    const fresh: PositionedEvent[] = [];
    let page: string | null = null;
    do {
      const data: ShopifyOrdersData = await this.graphql.request<ShopifyOrdersData>('orders', ORDER_CHANGES_QUERY, {
        first: SHOPIFY_ORDERS_PER_QUERY,
        after: page,
        query: `updated_at:>='${since}'`,
      });
      data.orders.nodes.forEach((node: ShopifyOrderNode) => {
        const order = snapshotFromGraphql(node);
        this.listings.rememberOrder(order);
        fresh.push(...orderEvents(order).filter((e) => comparePositions(e.position, after) > 0));
      });
      page = data.orders.pageInfo.hasNextPage ? data.orders.pageInfo.endCursor : null;
    } while (page !== null);

    fresh.sort((a, b) => comparePositions(a.position, b.position));
    const taken = fresh.slice(0, this.manifest.bulk.orders);
    const last = taken.at(-1);
    return {
      events: taken.map((e) => e.event),
      nextCursor: formatOrderCursor(last?.position ?? after),
      hasMore: fresh.length > taken.length,
    };
  }

  /** See parseShopifyWebhook: signature first; every event comes back unresolved, named by its variant. */
  override parseWebhook(request: RawWebhookRequest): WebhookDelivery {
    return parseShopifyWebhook(request, this.credentials.webhookSecret);
  }

  /**
   * Looks up the listings of webhook events: each variant's inventory item, and the location of the
   * fulfillment order holding each line. Answers are remembered and concurrent calls share look-ups.
   */
  resolveWebhookEvents(events: UnresolvedOrderEvent[]): Promise<OrderEvent[]> {
    return this.listings.resolve(events);
  }

  /**
   * Inventory items whose variant keeps selling at 0 (`inventoryPolicy: CONTINUE`), so pushing 0
   * cannot stop sales, and items Shopify does not track, whose quantities it ignores.
   */
  async checkListingSettings(listingIds: string[]): Promise<ListingSettingIssue[]> {
    const refs = listingIds.map((listingId, index) => {
      const ref = parseListingId(listingId);
      if (!ref) {
        throw new ConnectorError('permanent', invalidListingIdMessage(`listingIds[${index}]`, listingId));
      }
      return ref;
    });
    const itemIds = [...new Set(refs.map((r) => r.inventoryItemId))];
    const items = new Map<string, ShopifyItemSettingsData['nodes'][number]>();
    for (let i = 0; i < itemIds.length; i += this.manifest.bulk.read) {
      const ids = itemIds.slice(i, i + this.manifest.bulk.read);
      const data = await this.graphql.request<ShopifyItemSettingsData>('catalogue', ITEM_SETTINGS_QUERY, { ids });
      ids.forEach((id, k) => items.set(id, data.nodes[k] ?? null));
    }
    return refs.flatMap((ref): ListingSettingIssue[] => {
      const item = items.get(ref.inventoryItemId);
      if (!item) {
        return [
          {
            listingId: ref.listingId,
            setting: 'inventoryItem',
            message: `Shopify has no inventory item ${ref.inventoryItemId}; the listing was deleted or the id is wrong.`,
            fix: 'Import the Shopify catalogue again and map the SKU to a listing that exists.',
          },
        ];
      }
      const issues: ListingSettingIssue[] = [];
      if (item.variant?.inventoryPolicy === 'CONTINUE') {
        issues.push({
          listingId: ref.listingId,
          setting: 'inventoryPolicy',
          message: `${item.variant.displayName} keeps selling when out of stock (CONTINUE): publishing 0 cannot stop sales, so it can oversell.`,
          fix: 'In the Shopify admin, open the variant and turn off "Continue selling when out of stock".',
        });
      }
      if (!item.tracked) {
        issues.push({
          listingId: ref.listingId,
          setting: 'tracked',
          message: `Shopify does not track inventory of ${item.variant?.displayName ?? ref.inventoryItemId}: it ignores the quantities urikiri publishes.`,
          fix: 'In the Shopify admin, open the variant and turn on "Track quantity".',
        });
      }
      return issues;
    });
  }

  private async readLevels(refs: readonly ShopifyListingRef[]): Promise<Map<string, ShopifyLevelQuantities>> {
    const levels = new Map<string, ShopifyLevelQuantities>();
    if (refs.length === 0) {
      return levels;
    }
    const data = await this.graphql.request<ShopifyReadLevelsData>('read', READ_LEVELS_QUERY, {
      ids: refs.map(inventoryLevelGid),
    });
    refs.forEach((ref, i) => {
      const node = data.nodes[i];
      if (node) {
        levels.set(ref.listingId, {
          listingId: ref.listingId,
          found: true,
          available: quantity(node.quantities, 'available'),
          committed: quantity(node.quantities, 'committed'),
          onHand: quantity(node.quantities, 'on_hand'),
        });
      }
    });
    return levels;
  }

  private async firstCatalogueCursor(): Promise<CatalogueCursor | null> {
    const locations: string[] = [];
    let after: string | null = null;
    do {
      const data: ShopifyLocationsData = await this.graphql.request<ShopifyLocationsData>('catalogue', LIST_LOCATIONS_QUERY, {
        first: SHOPIFY_LOCATIONS_PER_QUERY,
        after,
      });
      locations.push(...data.locations.nodes.filter((l) => l.isActive).map((l) => l.id));
      after = data.locations.pageInfo.hasNextPage ? data.locations.pageInfo.endCursor : null;
    } while (after !== null);
    return locations.length === 0 ? null : { locations, after: null };
  }
}
