import { gid } from '../shopify-listing-id';
import type { ShopifyOrderNode, ShopifyWebhookOrder } from '../shopify-wire.types';
import { variantNumOf, type ShopOrderRecord } from './shopify-shop.model';

function cancelledUnits(record: ShopOrderRecord, lineNum: string): number {
  return record.refunds.flatMap((r) => r.lines).filter((l) => l.lineNum === lineNum).reduce((s, l) => s + l.quantity, 0);
}

function fulfilledUnits(record: ShopOrderRecord, lineNum: string): number {
  return record.fulfillments.flatMap((f) => f.lines).filter((l) => l.lineNum === lineNum).reduce((s, l) => s + l.quantity, 0);
}

/** An order as the `orders` GraphQL query returns it, with the fields OrderChanges selects. */
export function graphqlOrder(record: ShopOrderRecord): ShopifyOrderNode {
  const byLocation = new Map<string, string[]>();
  record.lines.forEach((l) => byLocation.set(l.locationNum, [...(byLocation.get(l.locationNum) ?? []), l.num]));
  return {
    id: record.orderId,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    lineItems: {
      nodes: record.lines.map((l) => ({
        id: gid('LineItem', l.num),
        sku: l.sku,
        quantity: l.quantity,
        variant: { id: gid('ProductVariant', variantNumOf(l.inventoryItemNum)), inventoryItem: { id: gid('InventoryItem', l.inventoryItemNum) } },
      })),
    },
    fulfillmentOrders: {
      nodes: [...byLocation].map(([locationNum, lineNums]) => ({
        assignedLocation: { location: { id: gid('Location', locationNum) } },
        lineItems: { nodes: lineNums.map((n) => ({ lineItem: { id: gid('LineItem', n) } })) },
      })),
    },
    transactions: record.payments.map((p) => ({
      id: gid('OrderTransaction', p.num),
      kind: 'SALE',
      status: 'SUCCESS',
      processedAt: p.processedAt,
    })),
    refunds: record.refunds.map((r) => ({
      id: gid('Refund', r.num),
      createdAt: r.createdAt,
      refundLineItems: {
        nodes: r.lines.map((l) => ({
          lineItem: { id: gid('LineItem', l.lineNum) },
          quantity: l.quantity,
          restockType: l.returned ? 'RETURN' : l.restocked ? 'CANCEL' : 'NO_RESTOCK',
          location: l.restocked ? { id: gid('Location', l.locationNum) } : null,
        })),
      },
    })),
    fulfillments: record.fulfillments.map((f) => ({
      id: gid('Fulfillment', f.num),
      createdAt: f.createdAt,
      location: { id: gid('Location', f.locationNum) },
      fulfillmentLineItems: {
        nodes: f.lines.map((l) => ({ lineItem: { id: gid('LineItem', l.lineNum) }, quantity: l.quantity })),
      },
    })),
  };
}

/**
 * The REST order JSON an `orders/*` webhook carries. As on Shopify, a line item names its variant
 * and SKU but not the inventory item nor the location its units were committed at: those are on the
 * variant and on the order's fulfillment orders, which the GraphQL endpoint answers for.
 */
export function webhookOrder(record: ShopOrderRecord): ShopifyWebhookOrder {
  const paid = record.payments.length > 0;
  const open = record.lines.map((l) => l.quantity - cancelledUnits(record, l.num));
  const unfulfilled = record.lines.map((l, i) => open[i] - fulfilledUnits(record, l.num));
  const anyFulfilled = record.fulfillments.length > 0;
  return {
    id: Number(record.num),
    admin_graphql_api_id: record.orderId,
    name: record.name,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    cancelled_at: record.cancelledAt,
    financial_status: record.cancelledAt !== null ? (paid ? 'refunded' : 'voided') : paid ? 'paid' : 'pending',
    fulfillment_status: !anyFulfilled ? null : unfulfilled.every((u) => u === 0) ? 'fulfilled' : 'partial',
    line_items: record.lines.map((l, i) => ({
      id: Number(l.num),
      admin_graphql_api_id: gid('LineItem', l.num),
      variant_id: Number(variantNumOf(l.inventoryItemNum)),
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      current_quantity: open[i],
      fulfillable_quantity: unfulfilled[i],
    })),
    refunds: record.refunds.map((r) => ({
      id: Number(r.num),
      admin_graphql_api_id: gid('Refund', r.num),
      created_at: r.createdAt,
      refund_line_items: r.lines.map((l, k) => ({
        id: Number(r.num) + k + 1,
        line_item_id: Number(l.lineNum),
        quantity: l.quantity,
        restock_type: l.returned ? 'return' : l.restocked ? 'cancel' : 'no_restock',
        location_id: l.restocked ? Number(l.locationNum) : null,
      })),
    })),
    fulfillments: record.fulfillments.map((f) => ({
      id: Number(f.num),
      admin_graphql_api_id: gid('Fulfillment', f.num),
      created_at: f.createdAt,
      status: 'success',
      location_id: Number(f.locationNum),
      line_items: f.lines.map((l) => ({ id: Number(l.lineNum), quantity: l.quantity })),
    })),
  };
}
