import { SHOPIFY_LOCATE_PAGES, SHOPIFY_MAX_NODES_PER_QUERY, SHOPIFY_MAX_QUERY_COST } from './shopify-api.constants';
import type { ShopifyGraphqlClient } from './shopify-graphql.client';
import { ORDER_LINE_LOCATIONS_QUERY, VARIANT_ITEMS_QUERY } from './shopify-graphql.documents';
import type { ShopifyOrderLocationsData, ShopifyVariantItemsData } from './shopify-wire.types';

type Pages = { fulfillmentOrders: number; lineItems: number };

/** What Shopify asks of the bucket per order of ORDER_LINE_LOCATIONS_QUERY: objects 1, connections 2 + their page. */
export const orderLocationsCost = (pages: Pages): number => 3 + pages.fulfillmentOrders * (5 + 2 * pages.lineItems);

/** Each id of VARIANT_ITEMS_QUERY is two objects: the variant and its inventory item. */
const VARIANT_COST = 2;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/** The inventory item of each variant; null for a variant Shopify no longer has. */
export async function lookUpVariantItems(graphql: ShopifyGraphqlClient, variantIds: readonly string[]): Promise<Map<string, string | null>> {
  const items = new Map<string, string | null>();
  const perCall = Math.min(SHOPIFY_MAX_NODES_PER_QUERY, Math.floor(SHOPIFY_MAX_QUERY_COST / VARIANT_COST));
  for (const ids of chunks(variantIds, perCall)) {
    const data = await graphql.request<ShopifyVariantItemsData>('orders', VARIANT_ITEMS_QUERY, { ids });
    ids.forEach((id, i) => items.set(id, data.nodes[i]?.inventoryItem.id ?? null));
  }
  return items;
}

/**
 * The location of each line item of these orders: the assigned location of the fulfillment order
 * holding it, which is where Shopify commits the line's units. Orders are read many to a call with
 * small pages; one whose fulfillment orders or lines did not fit is read again alone with larger ones.
 * Lines of orders that have no fulfillment order yet come back without a location.
 */
export async function lookUpLineLocations(graphql: ShopifyGraphqlClient, orderIds: readonly string[]): Promise<Map<string, string>> {
  const located = new Map<string, string>();
  const batch = SHOPIFY_LOCATE_PAGES.batch;
  const perCall = Math.min(SHOPIFY_MAX_NODES_PER_QUERY, Math.floor(SHOPIFY_MAX_QUERY_COST / orderLocationsCost(batch)));
  const truncated: string[] = [];
  for (const ids of chunks(orderIds, perCall)) {
    truncated.push(...(await readLocations(graphql, ids, batch, located)));
  }
  for (const id of truncated) {
    // Whatever still does not fit in the largest pages stays unlocated: polling reads those orders.
    await readLocations(graphql, [id], SHOPIFY_LOCATE_PAGES.alone, located);
  }
  return located;
}

/** Adds the lines it could place to `located`; returns the orders whose pages were cut short. */
async function readLocations(graphql: ShopifyGraphqlClient, ids: string[], pages: Pages, located: Map<string, string>): Promise<string[]> {
  const data = await graphql.request<ShopifyOrderLocationsData>('orders', ORDER_LINE_LOCATIONS_QUERY, { ids, ...pages });
  const truncated: string[] = [];
  data.nodes.forEach((order, i) => {
    if (order === null) {
      return;
    }
    const fulfillmentOrders = order.fulfillmentOrders;
    for (const fulfillmentOrder of fulfillmentOrders.nodes) {
      const location = fulfillmentOrder.assignedLocation.location?.id;
      if (location !== undefined) {
        fulfillmentOrder.lineItems.nodes.forEach((l) => located.set(l.lineItem.id, location));
      }
    }
    const cut = fulfillmentOrders.pageInfo.hasNextPage || fulfillmentOrders.nodes.some((f) => f.lineItems.pageInfo.hasNextPage);
    if (cut) {
      truncated.push(ids[i]);
    }
  });
  return truncated;
}
