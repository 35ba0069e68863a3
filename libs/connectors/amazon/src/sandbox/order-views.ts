import type { SandboxOrder } from '@urikiri/connector-sdk/testing';
import type {
  FulfillmentStatus,
  Order2026,
  OrderChangeNotification,
  OrderStatusV0,
  OrderV0,
} from '../amazon-wire.types';
import type { AmazonSandboxContext } from './amazon-sandbox.context';

export interface OrderView {
  order: SandboxOrder;
  createdAt: string;
  updatedAt: string;
}

const STATUS_2026: Record<SandboxOrder['status'], FulfillmentStatus> = {
  created: 'PENDING',
  paid: 'UNSHIPPED',
  shipped: 'SHIPPED',
  cancelled: 'CANCELLED',
};

const STATUS_V0: Record<SandboxOrder['status'], OrderStatusV0> = {
  created: 'Pending',
  paid: 'Unshipped',
  shipped: 'Shipped',
  cancelled: 'Canceled',
};

/** Every order with the times Amazon reports for it, oldest update first (then by order id). */
export function orderViews(ctx: AmazonSandboxContext): OrderView[] {
  const times = ctx.stock.orderTimes();
  return ctx.stock
    .orders()
    .map((order) => ({
      order,
      ...(times.get(order.orderId) as { createdAt: string; updatedAt: string }),
    }))
    .sort((a, b) =>
      a.updatedAt === b.updatedAt
        ? a.order.orderId < b.order.orderId
          ? -1
          : 1
        : a.updatedAt < b.updatedAt
          ? -1
          : 1,
    );
}

function lineCounts(
  order: SandboxOrder,
  line: SandboxOrder['lines'][number],
): { shipped: number; unshipped: number } {
  const open = line.quantity - line.cancelled;
  return order.status === 'shipped'
    ? { shipped: open, unshipped: 0 }
    : { shipped: 0, unshipped: open };
}

export function toOrder2026(
  ctx: AmazonSandboxContext,
  view: OrderView,
  withFulfillment: boolean,
): Order2026 {
  const { order } = view;
  return {
    orderId: order.orderId,
    createdTime: view.createdAt,
    lastUpdatedTime: view.updatedAt,
    salesChannel: {
      channelName: 'AMAZON',
      marketplaceId: ctx.account.marketplaceId,
      marketplaceName: 'Amazon.co.jp',
    },
    ...(withFulfillment
      ? {
          fulfillment: {
            fulfillmentStatus: STATUS_2026[order.status],
            fulfilledBy: 'MERCHANT' as const,
          },
        }
      : {}),
    orderItems: order.lines.map((line) => {
      const counts = lineCounts(order, line);
      const listing = ctx.stock.listing(line.listingId);
      return {
        orderItemId: line.lineId,
        quantityOrdered: line.quantity,
        product: {
          asin: ctx.stock.fbaOf(line.listingId)?.asin,
          title: listing?.title,
          sellerSku: line.listingId,
        },
        ...(withFulfillment
          ? {
              fulfillment: {
                quantityFulfilled: counts.shipped,
                quantityUnfulfilled: counts.unshipped,
              },
            }
          : {}),
      };
    }),
  };
}

export function toOrderV0(ctx: AmazonSandboxContext, view: OrderView): OrderV0 {
  const { order } = view;
  const totals = order.lines.reduce(
    (sum, line) => {
      const counts = lineCounts(order, line);
      return {
        shipped: sum.shipped + counts.shipped,
        unshipped: sum.unshipped + counts.unshipped,
      };
    },
    { shipped: 0, unshipped: 0 },
  );
  return {
    AmazonOrderId: order.orderId,
    PurchaseDate: view.createdAt,
    LastUpdateDate: view.updatedAt,
    OrderStatus: STATUS_V0[order.status],
    FulfillmentChannel: 'MFN',
    MarketplaceId: ctx.account.marketplaceId,
    NumberOfItemsShipped: totals.shipped,
    NumberOfItemsUnshipped: totals.unshipped,
  };
}

/** ORDER_CHANGE for the order as it is now, as Amazon publishes it to the seller's queue or bus. */
export function orderChangeNotification(
  ctx: AmazonSandboxContext,
  view: OrderView,
): OrderChangeNotification {
  const { order } = view;
  const now = new Date(ctx.clock()).toISOString();
  const v0 = toOrderV0(ctx, view);
  return {
    NotificationVersion: '1.0',
    NotificationType: 'ORDER_CHANGE',
    PayloadVersion: '1.0',
    EventTime: now,
    Payload: {
      OrderChangeNotification: {
        NotificationLevel: 'OrderLevel',
        SellerId: ctx.account.sellerId,
        AmazonOrderId: order.orderId,
        OrderChangeType: 'OrderStatusChange',
        OrderChangeTrigger: {
          TimeOfOrderChange: view.updatedAt,
          ChangeReason: 'Order status changed',
        },
        Summary: {
          MarketplaceId: ctx.account.marketplaceId,
          OrderStatus: v0.OrderStatus,
          PurchaseDate: view.createdAt,
          DestinationPostalCode: '1500001',
          FulfillmentType: 'MFN',
          OrderType: 'StandardOrder',
          NumberOfItemsShipped: v0.NumberOfItemsShipped,
          NumberOfItemsUnshipped: v0.NumberOfItemsUnshipped,
          OrderItems: order.lines.map((line) => {
            const counts = lineCounts(order, line);
            return {
              OrderItemId: line.lineId,
              SellerSKU: line.listingId,
              SupplySourceId: null,
              OrderItemStatus: counts.shipped > 0 ? 'Shipped' : 'Unshipped',
              Quantity: line.quantity,
              QuantityShipped: counts.shipped,
            };
          }),
        },
      },
    },
    NotificationMetadata: {
      ApplicationId: 'amzn1.sellerapps.app.sandbox',
      SubscriptionId: 'subscription-sandbox-order-change',
      PublishTime: now,
      NotificationId: ctx.random.hex(32),
    },
  };
}
