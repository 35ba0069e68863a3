import { ConnectorError, type OrderEvent, type UnresolvedOrderEvent } from '@urikiri/connector-sdk';
import { BoundedMap } from './bounded-map';
import { CoalescingLoader } from './coalescing-loader';
import type { ShopifyGraphqlClient } from './shopify-graphql.client';
import { listingIdOf } from './shopify-listing-id';
import { lookUpLineLocations, lookUpVariantItems } from './shopify-listing.lookups';
import type { ShopifyOrderSnapshot } from './shopify-order.snapshot';
import { parseWebhookLineRef, type WebhookLineRef } from './shopify-webhook-line-ref';

export interface ShopifyListingResolverOptions {
  graphql: ShopifyGraphqlClient;
  /** Variants remembered; a variant keeps its inventory item for life, so only memory bounds this. */
  variants?: number;
  /** Line items whose location is remembered, for the later webhooks of the same orders. */
  lines?: number;
}

/**
 * Turns the lines of an order webhook into listings. Shopify's webhook names a line's variant, not
 * the inventory item stocked for it nor the location its units were committed at, so the connector
 * asks: `nodes` of variants for their inventory item, and `nodes` of orders for the assigned location
 * of the fulfillment order holding each line, the same source polling reads. Both answers are
 * remembered (and fed by the catalogue and by polling as well), and concurrent look-ups share calls,
 * so a burst of webhooks for the same products and orders costs a few GraphQL calls.
 */
export class ShopifyListingResolver {
  private readonly variantItems: BoundedMap<string, string | null>;
  private readonly lineLocations: BoundedMap<string, string>;
  private readonly variantLoader: CoalescingLoader<string, string | null>;
  private readonly orderLoader: CoalescingLoader<string, true>;

  constructor(options: ShopifyListingResolverOptions) {
    this.variantItems = new BoundedMap(options.variants ?? 50_000);
    this.lineLocations = new BoundedMap(options.lines ?? 20_000);
    this.variantLoader = new CoalescingLoader(async (ids) => {
      const found = await lookUpVariantItems(options.graphql, ids);
      found.forEach((item, variant) => this.variantItems.set(variant, item));
      return found;
    });
    this.orderLoader = new CoalescingLoader(async (orderIds) => {
      (await lookUpLineLocations(options.graphql, orderIds)).forEach((location, line) => this.lineLocations.set(line, location));
      return new Map(orderIds.map((id) => [id, true as const]));
    });
  }

  /**
   * The events with their listings, in input order. An event whose variant Shopify no longer has, or
   * whose line sits in no fulfillment order yet, is left out: polling brings it once it can be placed.
   */
  async resolve(events: readonly UnresolvedOrderEvent[]): Promise<OrderEvent[]> {
    const refs: WebhookLineRef[] = events.map((e, i) => {
      const ref = parseWebhookLineRef(e.listingRef);
      if (ref === null) {
        throw new ConnectorError(
          'permanent',
          `events[${i}].listingRef: ${JSON.stringify(e.listingRef)} is not a Shopify variant id (gid://shopify/ProductVariant/<id>)`,
        );
      }
      return ref;
    });
    const unknownVariants = refs.map((r) => r.variantId).filter((v) => !this.variantItems.has(v));
    const unplacedOrders = events.filter((e) => !this.lineLocations.has(e.lineId)).map((e) => e.orderId);
    await Promise.all([
      unknownVariants.length > 0 ? this.variantLoader.load(unknownVariants) : null,
      unplacedOrders.length > 0 ? this.orderLoader.load(unplacedOrders) : null,
    ]);
    return events.flatMap(({ listingRef: _listingRef, ...event }, i) => {
      const { variantId, restockedAt } = refs[i];
      const item = this.variantItems.get(variantId);
      const location = this.lineLocations.get(event.lineId);
      const listingId = item && location ? listingIdOf(item, location) : null;
      if (listingId === null) {
        return [];
      }
      // A restock came back to this listing only if it went to the location the line was taken from.
      return [{ ...event, listingId, ...(restockedAt === null ? {} : { restocked: restockedAt === location }) }];
    });
  }

  /** A variant and its inventory item, as the catalogue shows them. */
  rememberVariant(variantId: string, inventoryItemId: string): void {
    this.variantItems.set(variantId, inventoryItemId);
  }

  /** What a polled order already tells: each line's variant, inventory item and location. */
  rememberOrder(order: ShopifyOrderSnapshot): void {
    for (const line of order.lines) {
      if (line.variantId !== null && line.inventoryItemId !== null) {
        this.variantItems.set(line.variantId, line.inventoryItemId);
      }
      if (line.locationId !== null) {
        this.lineLocations.set(line.lineItemId, line.locationId);
      }
    }
  }
}
