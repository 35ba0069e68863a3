import { SandboxOrderError, SandboxStock } from './sandbox-stock';

describe('SandboxStock', () => {
  const at = () => Date.parse('2026-12-04T11:00:00Z');

  function stockOf(mode: 'order-created' | 'order-paid', quantity = 10): SandboxStock {
    const stock = new SandboxStock({ stockLoweredOn: mode, clock: at });
    stock.upsertListing({ listingId: 'L1', quantity, sellerSku: 'SKU-1' });
    return stock;
  }

  it('lowers the displayed stock at order time on channels that reserve at order', () => {
    const stock = stockOf('order-created');
    const order = stock.createOrder({ lines: [{ listingId: 'L1', quantity: 3 }] });
    expect(stock.quantity('L1')).toBe(7);
    stock.payOrder(order.orderId);
    stock.shipOrder(order.orderId);
    expect(stock.quantity('L1')).toBe(7);
    expect(stock.events().map((e) => [e.status, e.quantity])).toEqual([
      ['created', 3],
      ['paid', 3],
      ['shipped', 3],
    ]);
    expect(stock.events()[0]).toMatchObject({ seq: 1, eventId: 'evt-00000001', sellerSku: 'SKU-1', occurredAt: '2026-12-04T11:00:00.000Z' });
  });

  it('lowers it at payment on channels that reserve at payment', () => {
    const stock = stockOf('order-paid');
    const order = stock.createOrder({ lines: [{ listingId: 'L1', quantity: 3 }] });
    expect(stock.quantity('L1')).toBe(10);
    stock.payOrder(order.orderId);
    expect(stock.quantity('L1')).toBe(7);
  });

  it('gives units back on a cancel or a partial cancel, unless told not to restock', () => {
    const stock = stockOf('order-created');
    const order = stock.createOrder({ lines: [{ listingId: 'L1', quantity: 4 }] });
    stock.cancelLine(order.orderId, order.lines[0].lineId, 1);
    expect(stock.quantity('L1')).toBe(7);
    expect(stock.order(order.orderId)?.status).toBe('created');
    stock.cancelOrder(order.orderId, { restock: false });
    expect(stock.quantity('L1')).toBe(7);
    expect(stock.order(order.orderId)?.status).toBe('cancelled');
    expect(stock.events().map((e) => [e.status, e.quantity])).toEqual([
      ['created', 4],
      ['cancelled', 1],
      ['cancelled', 3],
    ]);
    expect(() => stock.shipOrder(order.orderId)).toThrow('is cancelled; this step needs it paid');
  });

  it('says on each cancellation whether the units went back on display, and on no other event', () => {
    const stock = stockOf('order-created');
    const order = stock.createOrder({ lines: [{ listingId: 'L1', quantity: 4 }] });
    stock.cancelLine(order.orderId, order.lines[0].lineId, 1, { restock: false });
    stock.cancelLine(order.orderId, order.lines[0].lineId, 2, { restock: true });
    stock.cancelOrder(order.orderId, { restock: false });
    expect(stock.quantity('L1')).toBe(8);
    expect(stock.events().map((e) => [e.status, e.quantity, e.restocked])).toEqual([
      ['created', 4, undefined],
      ['cancelled', 1, false],
      ['cancelled', 2, true],
      ['cancelled', 1, false],
    ]);
    expect(stock.events()[0]).not.toHaveProperty('restocked');
  });

  it('reports a restocking cancellation of units it never took as restocked, with nothing to give back', () => {
    const stock = stockOf('order-paid');
    const order = stock.createOrder({ lines: [{ listingId: 'L1', quantity: 3 }] });
    stock.cancelOrder(order.orderId);
    expect(stock.quantity('L1')).toBe(10);
    expect(stock.events().at(-1)).toMatchObject({ status: 'cancelled', quantity: 3, restocked: true });
  });

  it('refuses to sell what it does not show, unless the listing keeps selling when out of stock', () => {
    const stock = stockOf('order-created', 2);
    expect(() => stock.createOrder({ lines: [{ listingId: 'L1', quantity: 3 }] })).toThrow(SandboxOrderError);
    stock.upsertListing({ listingId: 'L1', oversellAllowed: true });
    stock.createOrder({ lines: [{ listingId: 'L1', quantity: 3 }] });
    expect(stock.quantity('L1')).toBe(-1);
  });

  it('writes by compare-and-set and by delta, refusing to go below zero', () => {
    const stock = stockOf('order-created', 5);
    expect(stock.compareAndSet('L1', 4, 9)).toEqual({ applied: false, quantity: 5 });
    expect(stock.compareAndSet('L1', 5, 9)).toEqual({ applied: true, quantity: 9 });
    expect(stock.adjustQuantity('L1', -4)).toBe(5);
    expect(() => stock.adjustQuantity('L1', -6)).toThrow('must be an integer of 0 or more');
  });

  it('pages its event stream by sequence', () => {
    const stock = stockOf('order-created', 100);
    for (let i = 0; i < 5; i += 1) {
      stock.createOrder({ lines: [{ listingId: 'L1', quantity: 1 }] });
    }
    expect(stock.eventsAfter(2, 2).map((e) => e.seq)).toEqual([3, 4]);
    expect(stock.eventsAfter(5, 10)).toEqual([]);
  });
});
