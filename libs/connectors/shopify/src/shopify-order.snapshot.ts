import { gid, gidNumber } from './shopify-listing-id';
import type { ShopifyOrderNode, ShopifyWebhookOrder } from './shopify-wire.types';

/**
 * One order as far as stock is concerned, read from either a GraphQL poll or a webhook. Events are
 * derived from it, so the same order yields the same event ids whichever way it arrived.
 */
export interface ShopifyOrderSnapshot {
  orderId: string;
  createdAt: string;
  lines: {
    lineItemId: string;
    sku: string | null;
    quantity: number;
    /** The variant sold; null for a custom item or a deleted product. */
    variantId: string | null;
    /** The inventory item stocked for the variant; a webhook does not name it. */
    inventoryItemId: string | null;
    /** Where the line's units are committed (its fulfillment order's assigned location); a webhook does not name it. */
    locationId: string | null;
  }[];
  /** Successful sale or capture transactions. */
  payments: { id: string; processedAt: string }[];
  /** Cancelled units (Shopify records a cancellation, whole or partial, as a refund), and returned ones (a refund line restocked as RETURN). */
  refunds: { id: string; createdAt: string; lines: RefundLine[] }[];
  fulfillments: { id: string; createdAt: string; lines: { lineItemId: string; quantity: number }[] }[];
}

/** A refunded line: how many units, and where Shopify put them back (restockType, location), if anywhere. */
export interface RefundLine {
  lineItemId: string;
  quantity: number;
  /** `NO_RESTOCK`, `CANCEL`, `RETURN` or `LEGACY_RESTOCK`, upper case whichever API said it. */
  restockType: string;
  /** The location the units went back to; null when not restocked or not named. */
  restockLocationId: string | null;
}

function lineLocations(node: ShopifyOrderNode): Map<string, string> {
  const located = new Map<string, string>();
  for (const fulfillmentOrder of node.fulfillmentOrders.nodes) {
    const location = fulfillmentOrder.assignedLocation.location?.id;
    if (location !== undefined) {
      fulfillmentOrder.lineItems.nodes.forEach((l) => located.set(l.lineItem.id, location));
    }
  }
  return located;
}

export function snapshotFromGraphql(node: ShopifyOrderNode): ShopifyOrderSnapshot {
  const located = lineLocations(node);
  return {
    orderId: node.id,
    createdAt: node.createdAt,
    lines: node.lineItems.nodes.map((l) => ({
      lineItemId: l.id,
      sku: l.sku === '' ? null : l.sku,
      quantity: l.quantity,
      variantId: l.variant?.id ?? null,
      inventoryItemId: l.variant?.inventoryItem.id ?? null,
      locationId: located.get(l.id) ?? null,
    })),
    payments: node.transactions
      .filter((t) => (t.kind === 'SALE' || t.kind === 'CAPTURE') && t.status === 'SUCCESS' && t.processedAt !== null)
      .map((t) => ({ id: t.id, processedAt: t.processedAt as string })),
    refunds: node.refunds.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      lines: r.refundLineItems.nodes.map((l) => ({
        lineItemId: l.lineItem.id,
        quantity: l.quantity,
        restockType: l.restockType.toUpperCase(),
        restockLocationId: l.location?.id ?? null,
      })),
    })),
    fulfillments: node.fulfillments.map((f) => ({
      id: f.id,
      createdAt: f.createdAt,
      lines: f.fulfillmentLineItems.nodes.map((l) => ({ lineItemId: l.lineItem.id, quantity: l.quantity })),
    })),
  };
}

/**
 * The REST order JSON of a webhook. It carries no transactions, so no payment events, and its lines
 * name their variant only: inventory item and location are looked up before its events are ingested.
 */
export function snapshotFromWebhook(order: ShopifyWebhookOrder): ShopifyOrderSnapshot {
  return {
    orderId: order.admin_graphql_api_id,
    createdAt: order.created_at,
    lines: order.line_items.map((l) => ({
      lineItemId: l.admin_graphql_api_id,
      sku: l.sku === '' ? null : l.sku,
      quantity: l.quantity,
      variantId: l.variant_id === null ? null : gid('ProductVariant', l.variant_id),
      inventoryItemId: null,
      locationId: null,
    })),
    payments: [],
    refunds: order.refunds.map((r) => ({
      id: r.admin_graphql_api_id,
      createdAt: r.created_at,
      lines: r.refund_line_items.map((l) => ({
        lineItemId: gid('LineItem', l.line_item_id),
        quantity: l.quantity,
        restockType: l.restock_type.toUpperCase(),
        restockLocationId: l.location_id === null ? null : gid('Location', l.location_id),
      })),
    })),
    fulfillments: order.fulfillments.map((f) => ({
      id: f.admin_graphql_api_id,
      createdAt: f.created_at,
      lines: f.line_items.map((l) => ({ lineItemId: gid('LineItem', l.id), quantity: l.quantity })),
    })),
  };
}

/** True when `value` is an order webhook body this connector can read. */
export function isWebhookOrder(value: unknown): value is ShopifyWebhookOrder {
  const o = value as Partial<ShopifyWebhookOrder> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.admin_graphql_api_id === 'string' &&
    gidNumber(o.admin_graphql_api_id, 'Order') !== null &&
    typeof o.created_at === 'string' &&
    Array.isArray(o.line_items) &&
    Array.isArray(o.refunds) &&
    Array.isArray(o.fulfillments)
  );
}
