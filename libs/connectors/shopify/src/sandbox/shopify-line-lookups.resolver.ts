import { SHOPIFY_MAX_NODES_PER_QUERY } from '../shopify-api.constants';
import { gid, gidNumber } from '../shopify-listing-id';
import type { ShopifyOrderLocationsData, ShopifyVariantItemsData } from '../shopify-wire.types';
import { graphqlOrder } from './shopify-order.presenter';
import { invalid, pageSize, type Resolution } from './shopify-resolution';
import type { ShopifyShop } from './shopify-shop.model';

function idList(value: unknown): unknown[] | string {
  return Array.isArray(value) && value.length <= SHOPIFY_MAX_NODES_PER_QUERY
    ? value
    : `ids: a list of at most ${SHOPIFY_MAX_NODES_PER_QUERY} ids`;
}

/** `nodes(ids:) { ... on ProductVariant { id inventoryItem { id } } }`: null for ids that are no variant of the shop. */
export function variantItems(shop: ShopifyShop, v: Record<string, unknown>): Resolution {
  const ids = idList(v.ids);
  if (typeof ids === 'string') {
    return invalid(ids);
  }
  const nodes: ShopifyVariantItemsData['nodes'] = ids.map((id) => {
    const variant = typeof id === 'string' ? gidNumber(id, 'ProductVariant') : null;
    const item = variant === null ? null : shop.inventoryItemOfVariant(variant);
    return variant === null || item === null
      ? null
      : { id: gid('ProductVariant', variant), inventoryItem: { id: gid('InventoryItem', item) } };
  });
  return { kind: 'data', data: { nodes }, itemCount: ids.length, returned: ids.length };
}

/**
 * `nodes(ids:) { ... on Order { fulfillmentOrders(first:) { assignedLocation, lineItems(first:) } } }`,
 * pages cut at the sizes asked for with `hasNextPage` telling so, as Shopify's connections do.
 */
export function orderLineLocations(shop: ShopifyShop, v: Record<string, unknown>): Resolution {
  const ids = idList(v.ids);
  const fulfillmentOrders = pageSize(v.fulfillmentOrders, 'fulfillmentOrders');
  const lineItems = pageSize(v.lineItems, 'lineItems');
  for (const problem of [ids, fulfillmentOrders, lineItems]) {
    if (typeof problem === 'string') {
      return invalid(problem);
    }
  }
  const foSize = fulfillmentOrders as number;
  const lineSize = lineItems as number;
  const nodes: ShopifyOrderLocationsData['nodes'] = (ids as unknown[]).map((id) => {
    const record = typeof id === 'string' && gidNumber(id, 'Order') !== null ? shop.orderRecord(id) : null;
    if (record === null) {
      return null;
    }
    const all = graphqlOrder(record).fulfillmentOrders.nodes;
    return {
      id: record.orderId,
      fulfillmentOrders: {
        nodes: all.slice(0, foSize).map((fo) => ({
          assignedLocation: fo.assignedLocation,
          lineItems: { nodes: fo.lineItems.nodes.slice(0, lineSize), pageInfo: { hasNextPage: fo.lineItems.nodes.length > lineSize } },
        })),
        pageInfo: { hasNextPage: all.length > foSize },
      },
    };
  });
  return { kind: 'data', data: { nodes }, itemCount: (ids as unknown[]).length, returned: nodes.filter((n) => n !== null).length };
}
