import { orderEventsFrom } from './orders/order-events.mapper';
import {
  decodeOrderCursor,
  encodeOrderCursor,
} from './orders/order-cursor.codec';
import { planStockWrite } from './stock/stock-write.planner';
import { parseItemRef } from './yahoo-item-code.codec';
import { toYahooTime, yahooTimeToIso } from './yahoo-time.codec';

describe('Yahoo! codecs', () => {
  it('writes and reads Yahoo! times in JST', () => {
    expect(toYahooTime(Date.parse('2026-12-04T11:00:00.900Z'))).toBe(
      '20261204200000',
    );
    expect(yahooTimeToIso('20261204200000')).toBe('2026-12-04T11:00:00.000Z');
    expect(() => yahooTimeToIso('2026-12-04')).toThrow(
      'expected YYYYMMDDHHmmss (JST)',
    );
  });

  it('addresses items as code or code:subcode and nothing else', () => {
    expect(parseItemRef('tee-01')).toEqual({ code: 'tee-01', subCode: null });
    expect(parseItemRef('tee-01:red_M')).toEqual({
      code: 'tee-01',
      subCode: 'red_M',
    });
    for (const bad of ['', 'a:', 'a,b', 'a:b:c', 'x'.repeat(100), 'ｔｅｅ']) {
      expect(parseItemRef(bad)).toBeNull();
    }
  });

  it('plans +N/-N from lastPublished plus unanswered raises, and 0 absolutely', () => {
    const item = { listingId: 'a', version: 1 };
    expect(
      planStockWrite({ ...item, target: 7, lastPublished: 4 }, undefined, 0),
    ).toMatchObject({ write: { quantity: '+3' } });
    expect(
      planStockWrite({ ...item, target: 7, lastPublished: 4 }, undefined, 5),
    ).toMatchObject({ write: { quantity: '-2' } });
    expect(
      planStockWrite({ ...item, target: 0, lastPublished: 4 }, undefined, 0),
    ).toMatchObject({ write: { quantity: '0' } });
    expect(
      planStockWrite({ ...item, target: 3, lastPublished: null }, 3, 0),
    ).toMatchObject({ write: { quantity: '+0' } });
    expect(
      planStockWrite({ ...item, target: 3, lastPublished: null }, undefined, 0),
    ).toMatchObject({ result: { status: 'permanent', code: 'not-found' } });
  });

  it('round-trips order cursors and rejects foreign ones', () => {
    const cursor = { mark: '20261204200000', done: ['store-10000001'] };
    expect(decodeOrderCursor(encodeOrderCursor(cursor))).toEqual(cursor);
    expect(() =>
      decodeOrderCursor(encodeOrderCursor({ mark: '2026', done: [] })),
    ).toThrow('not a Yahoo!ショッピング order cursor');
  });

  it('derives no event for a reserved order line with nothing left, and maps status 5 to shipped', () => {
    const events = orderEventsFrom({
      OrderId: 'store-1',
      OrderTime: '20261204200000',
      LastUpdateTime: '20261204200500',
      OrderStatus: '5',
      PayStatus: '1',
      PayDate: '20261204200100',
      ShipDate: '20261204200500',
      Item: [
        {
          LineId: '1',
          ItemId: 'a',
          Quantity: '1',
          Cancel: [{ Quantity: '1', Time: '20261204200030' }],
        },
        { LineId: '2', ItemId: 'b', SubCode: 's', Quantity: '2' },
      ],
    });
    expect(events.map((e) => [e.eventId, e.quantity])).toEqual([
      ['store-1-1:created', 1],
      ['store-1-2:created', 2],
      ['store-1-1:cancelled:1', 1],
      ['store-1-2:paid', 2],
      ['store-1-2:shipped', 2],
    ]);
    expect(events[1]).toMatchObject({
      listingId: 'b:s',
      occurredAt: '2026-12-04T11:00:00.000Z',
    });
  });
});
