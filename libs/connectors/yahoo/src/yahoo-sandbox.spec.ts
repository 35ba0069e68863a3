import axios from 'axios';
import { openTestStore, rawCall } from './testing/yahoo-test-store';
import type { YahooSandbox } from './sandbox/yahoo.sandbox';
import { YAHOO_PATHS } from './yahoo-wire.types';

const FORM = 'application/x-www-form-urlencoded';

describe('Yahoo!ショッピング sandbox wire format', () => {
  let sandbox: YahooSandbox;

  beforeEach(async () => {
    ({ sandbox } = await openTestStore({
      throttle: { ratePerSecond: 100, burst: 100 },
    }));
    sandbox.stock.upsertListing({ listingId: 'w-01', quantity: 5 });
    sandbox.stock.upsertListing({ listingId: 'w-02:blue', quantity: 5 });
  });
  afterEach(() => sandbox.close());

  it('answers setStock with one <Result> per code, and 207 with a per-item <ErrorCode> when some fail', async () => {
    const ok = await rawCall(
      sandbox,
      YAHOO_PATHS.setStock,
      `seller_id=${sandbox.sellerId}&item_code=w-01,w-02:blue&quantity=7,-2`,
      FORM,
    );
    expect(ok.status).toBe(200);
    expect(ok.data).toContain(
      '<Result><ItemCode>w-01</ItemCode><Quantity>7</Quantity></Result>',
    );
    expect(ok.data).toContain(
      '<Result><ItemCode>w-02</ItemCode><SubCode>blue</SubCode><Quantity>3</Quantity></Result>',
    );

    const partial = await rawCall(
      sandbox,
      YAHOO_PATHS.setStock,
      `seller_id=${sandbox.sellerId}&item_code=w-01,nope,w-01&quantity=%2B1,1,abc`,
      FORM,
    );
    expect(partial.status).toBe(207);
    expect(partial.data).toContain(
      '<ItemCode>w-01</ItemCode><Quantity>8</Quantity>',
    );
    expect(partial.data).toContain(
      '<ItemCode>nope</ItemCode><ErrorCode>st-02101</ErrorCode>',
    );
    expect(partial.data).toMatch(
      /<ItemCode>w-01<\/ItemCode><ErrorCode>st-02103<\/ErrorCode>/,
    );
  });

  it('refuses a whole call with error XML: count mismatch, over 1,000 codes, a bad quantity per item', async () => {
    const mismatch = await rawCall(
      sandbox,
      YAHOO_PATHS.setStock,
      `seller_id=${sandbox.sellerId}&item_code=w-01,w-02:blue&quantity=1`,
      FORM,
    );
    expect(mismatch.status).toBe(400);
    expect(mismatch.data).toContain('<Code>st-02105</Code>');
    const codes = Array.from({ length: 1001 }, (_, i) => `c-${i}`).join(',');
    const tooMany = await rawCall(
      sandbox,
      YAHOO_PATHS.getStock,
      `seller_id=${sandbox.sellerId}&item_code=${codes}`,
      FORM,
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.data).toContain('<Code>st-02102</Code>');
    const tooBig = await rawCall(
      sandbox,
      YAHOO_PATHS.setStock,
      `seller_id=${sandbox.sellerId}&item_code=w-01&quantity=100000`,
      FORM,
    );
    expect(tooBig.data).toContain('<ErrorCode>st-02104</ErrorCode>');
  });

  it("wants a Bearer token and the token's own seller_id", async () => {
    const anonymous = await axios.post<string>(
      `${sandbox.url}${YAHOO_PATHS.getStock}`,
      `seller_id=${sandbox.sellerId}&item_code=w-01`,
      {
        headers: { 'content-type': FORM },
        responseType: 'text',
        validateStatus: () => true,
      },
    );
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toContain('invalid_token');
    const otherStore = await rawCall(
      sandbox,
      YAHOO_PATHS.getStock,
      'seller_id=someone-else&item_code=w-01',
      FORM,
    );
    expect(otherStore.status).toBe(403);
    expect(otherStore.data).toContain('seller_id &quot;someone-else&quot;');
  });

  it('reads getStock with AllowOverdraft, and lowers its own stock when it sells', async () => {
    sandbox.stock.upsertListing({ listingId: 'w-01', oversellAllowed: true });
    sandbox.stock.createOrder({
      lines: [{ listingId: 'w-02:blue', quantity: 2 }],
    });
    const read = await rawCall(
      sandbox,
      YAHOO_PATHS.getStock,
      `seller_id=${sandbox.sellerId}&item_code=w-01,w-02:blue`,
      FORM,
    );
    expect(read.status).toBe(200);
    expect(read.data).toContain(
      '<ItemCode>w-01</ItemCode><Quantity>5</Quantity><AllowOverdraft>1</AllowOverdraft>',
    );
    expect(read.data).toContain(
      '<SubCode>blue</SubCode><Quantity>3</Quantity><AllowOverdraft>0</AllowOverdraft>',
    );
  });
});
