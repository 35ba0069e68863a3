import type {
  FulfillmentStatus,
  Order2026,
  OrderChangeNotification,
  OrderStatusV0,
} from '../amazon-wire.types';
import type { OrderSnapshot } from './order-snapshot';

const FROM_2026: Record<FulfillmentStatus, OrderSnapshot['status']> = {
  PENDING_AVAILABILITY: 'other',
  PENDING: 'pending',
  UNSHIPPED: 'unshipped',
  PARTIALLY_SHIPPED: 'partially-shipped',
  SHIPPED: 'shipped',
  CANCELLED: 'cancelled',
  UNFULFILLABLE: 'other',
};

const FROM_V0: Record<OrderStatusV0, OrderSnapshot['status']> = {
  PendingAvailability: 'other',
  Pending: 'pending',
  Unshipped: 'unshipped',
  PartiallyShipped: 'partially-shipped',
  Shipped: 'shipped',
  InvoiceUnconfirmed: 'shipped',
  Canceled: 'cancelled',
  Unfulfillable: 'other',
};

/**
 * searchOrders with includedData=FULFILLMENT: units neither fulfilled nor still to fulfil were
 * cancelled (Amazon keeps quantityOrdered as ordered).
 */
export function snapshotFromOrder(order: Order2026): OrderSnapshot {
  const status = order.fulfillment
    ? FROM_2026[order.fulfillment.fulfillmentStatus]
    : 'other';
  return {
    orderId: order.orderId,
    status,
    fulfilledBy: order.fulfillment?.fulfilledBy ?? 'MERCHANT',
    createdAt: order.createdTime,
    updatedAt: order.lastUpdatedTime,
    lines: order.orderItems.map((item) => {
      const shipped = item.fulfillment?.quantityFulfilled ?? 0;
      const unshipped =
        item.fulfillment?.quantityUnfulfilled ?? item.quantityOrdered - shipped;
      const cancelled =
        status === 'cancelled'
          ? item.quantityOrdered - shipped
          : item.quantityOrdered - shipped - unshipped;
      return {
        lineId: item.orderItemId,
        sku: item.product.sellerSku ?? null,
        ordered: item.quantityOrdered,
        shipped,
        cancelled: Math.max(0, cancelled),
      };
    }),
  };
}

/**
 * ORDER_CHANGE carries the order's status and each item's ordered and shipped quantities; a
 * cancelled order cancels every unit not shipped. Partial cancellations of a live order show only
 * in a poll, which the order poller catches up with.
 */
export function snapshotFromNotification(
  notification: OrderChangeNotification,
): OrderSnapshot {
  const change = notification.Payload.OrderChangeNotification;
  const status = FROM_V0[change.Summary.OrderStatus];
  const updatedAt =
    change.OrderChangeTrigger.TimeOfOrderChange ?? notification.EventTime;
  return {
    orderId: change.AmazonOrderId,
    status,
    fulfilledBy:
      change.Summary.FulfillmentType === 'AFN' ? 'AMAZON' : 'MERCHANT',
    createdAt: change.Summary.PurchaseDate ?? updatedAt,
    updatedAt,
    lines: change.Summary.OrderItems.map((item) => {
      const shipped = item.QuantityShipped ?? 0;
      return {
        lineId: item.OrderItemId,
        sku: item.SellerSKU,
        ordered: item.Quantity,
        shipped,
        cancelled: status === 'cancelled' ? item.Quantity - shipped : 0,
      };
    }),
  };
}
