import { orderEvents } from './shopify-order-events.mapper';
import type { ShopifyOrderSnapshot } from './shopify-order.snapshot';

const TOKYO = 'gid://shopify/Location/71000000001';
const OSAKA = 'gid://shopify/Location/71000000002';

/** One line of 3 units committed at Tokyo, and one refund of 1 unit restocked as given. */
function refunded(restockType: string, restockLocationId: string | null): ShopifyOrderSnapshot {
  return {
    orderId: 'gid://shopify/Order/9001',
    createdAt: '2026-12-04T11:00:00Z',
    lines: [
      {
        lineItemId: 'gid://shopify/LineItem/501',
        sku: 'TEE',
        quantity: 3,
        variantId: 'gid://shopify/ProductVariant/601',
        inventoryItemId: 'gid://shopify/InventoryItem/44000000301',
        locationId: TOKYO,
      },
    ],
    payments: [],
    refunds: [{ id: 'gid://shopify/Refund/701', createdAt: '2026-12-04T11:05:00Z', lines: [{ lineItemId: 'gid://shopify/LineItem/501', quantity: 1, restockType, restockLocationId }] }],
    fulfillments: [],
  };
}

const restockedOf = (order: ShopifyOrderSnapshot) => orderEvents(order).map(({ event }) => [event.status, event.restocked]);

describe('Shopify cancellation events: restocked where the listing is', () => {
  it('reads NO_RESTOCK as kept off sale, and a restock at the line location as back on sale', () => {
    expect(restockedOf(refunded('NO_RESTOCK', null))).toEqual([
      ['created', undefined],
      ['cancelled', false],
    ]);
    expect(restockedOf(refunded('CANCEL', TOKYO))).toEqual([
      ['created', undefined],
      ['cancelled', true],
    ]);
    // A RETURN restock is shipped units sent back: a return, not a cancellation.
    expect(restockedOf(refunded('RETURN', TOKYO)).at(-1)).toEqual(['returned', true]);
  });

  it('reads a restock at another location as not restocked for this listing: its units went elsewhere', () => {
    const [, cancelled] = orderEvents(refunded('CANCEL', OSAKA));
    expect(cancelled.event).toMatchObject({ status: 'cancelled', listingId: '44000000301@71000000001', restocked: false });
  });

  it('leaves it unknown when the restock names no location or has a type it does not know', () => {
    expect(restockedOf(refunded('LEGACY_RESTOCK', null)).at(-1)).toEqual(['cancelled', undefined]);
    expect(restockedOf(refunded('SOMETHING_NEW', TOKYO)).at(-1)).toEqual(['cancelled', undefined]);
    expect(orderEvents(refunded('CANCEL', TOKYO))[0].event).not.toHaveProperty('restocked');
  });
});
