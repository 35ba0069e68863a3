import { openTestStore, pushItem, rawCall } from './testing/yahoo-test-store';
import { YAHOO_PATHS } from './yahoo-wire.types';

describe('Yahoo!ショッピング rate limit: about 1 call per second per URL, then a temporary block', () => {
  it('blocks a URL that is called too fast, for a while, with Retry-After and error XML; other URLs still answer', async () => {
    const { sandbox } = await openTestStore({ throttle: { blockSeconds: 30 } });
    try {
      sandbox.stock.upsertListing({ listingId: 'lim-01', quantity: 1 });
      const form = `seller_id=${sandbox.sellerId}&item_code=lim-01`;
      const answers = [];
      for (let i = 0; i < 4; i += 1) {
        answers.push(
          await rawCall(
            sandbox,
            YAHOO_PATHS.getStock,
            form,
            'application/x-www-form-urlencoded',
          ),
        );
      }
      expect(answers.map((a) => a.status)).toEqual([200, 200, 429, 429]);
      expect(answers[2].headers['retry-after']).toBe('30');
      expect(answers[2].data).toContain(
        '<Error><Message>Access is restricted for 30 s',
      );
      const other = await rawCall(
        sandbox,
        YAHOO_PATHS.setStock,
        `${form}&quantity=%2B1`,
        'application/x-www-form-urlencoded',
      );
      expect(other.status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });

  it('paces its own calls so a long catalogue sync is never blocked', async () => {
    const { sandbox, connector } = await openTestStore();
    try {
      sandbox.stock.upsertListing({ listingId: 'pace-01', quantity: 1 });
      for (let i = 0; i < 3; i += 1) {
        expect((await connector.read(['pace-01']))[0]).toEqual({
          listingId: 'pace-01',
          found: true,
          quantity: 1,
        });
      }
      const reads = sandbox.requests.entries('read');
      expect(reads.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(reads[2].at - reads[0].at).toBeGreaterThanOrEqual(1900);
    } finally {
      await sandbox.close();
    }
  });

  it("reports a blocked URL as rate-limited with the block's remaining time, and sends nothing until it is over", async () => {
    const { sandbox, connector } = await openTestStore({
      throttle: { blockSeconds: 2 },
    });
    try {
      sandbox.stock.upsertListing({ listingId: 'blk-01', quantity: 1 });
      const form = `seller_id=${sandbox.sellerId}&item_code=blk-01&quantity=%2B0`;
      for (let i = 0; i < 3; i += 1) {
        await rawCall(
          sandbox,
          YAHOO_PATHS.setStock,
          form,
          'application/x-www-form-urlencoded',
        );
      }
      const [blocked] = await connector.push([pushItem('blk-01', 5, 1)]);
      expect(blocked).toMatchObject({
        status: 'rate-limited',
        retryAfterMs: 2000,
        message: expect.stringContaining('Access is restricted for 2 s'),
      });
      const [after] = await connector.push([pushItem('blk-01', 5, 1)]);
      expect(after.status).toBe('ok');
      const [, , , refused, accepted] = sandbox.requests.entries('push');
      expect(refused.status).toBe(429);
      expect(accepted.at - refused.at).toBeGreaterThanOrEqual(1900);
      expect(sandbox.stock.quantity('blk-01')).toBe(5);
    } finally {
      await sandbox.close();
    }
  });
});
