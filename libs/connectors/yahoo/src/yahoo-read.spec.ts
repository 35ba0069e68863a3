import { openTestStore } from './testing/yahoo-test-store';
import type { YahooSandbox } from './sandbox/yahoo.sandbox';
import { YahooConnector } from './yahoo.connector';

describe('Yahoo!ショッピング reads, catalogue, listing settings and authorisation', () => {
  let sandbox: YahooSandbox;
  let connector: YahooConnector;

  beforeEach(async () => {
    ({ sandbox, connector } = await openTestStore());
    sandbox.stock.upsertListing({
      listingId: 'shirt-10:navy-l',
      quantity: 8,
      sellerSku: 'SHIRT-NAVY-L',
      jan: '4901234567894',
      title: 'オックスフォードシャツ ネイビー L',
    });
    sandbox.stock.upsertListing({
      listingId: 'towel-20',
      quantity: 0,
      title: '今治タオル',
      oversellAllowed: true,
    });
  });
  afterEach(() => sandbox.close());

  it('reads variants and items for reconciliation; unknown and unaddressable codes are not found', async () => {
    expect(
      await connector.read([
        'shirt-10:navy-l',
        'towel-20',
        'ghost-99',
        'bad code',
      ]),
    ).toEqual([
      { listingId: 'shirt-10:navy-l', found: true, quantity: 8 },
      { listingId: 'towel-20', found: true, quantity: 0 },
      { listingId: 'ghost-99', found: false },
      { listingId: 'bad code', found: false },
    ]);
    expect(
      sandbox.requests.entries('read').map((e) => [e.status, e.itemCount]),
    ).toEqual([[207, 3]]);
  });

  it('lists the catalogue from myItemList with product code, JAN, name and getStock quantities', async () => {
    const page = await connector.listCatalogue(null);
    expect(page).toEqual({
      listings: [
        {
          listingId: 'shirt-10:navy-l',
          sellerSku: 'SHIRT-NAVY-L',
          jan: '4901234567894',
          title: 'オックスフォードシャツ ネイビー L',
          quantity: 8,
        },
        {
          listingId: 'towel-20',
          sellerSku: null,
          jan: null,
          title: '今治タオル',
          quantity: 0,
        },
      ],
      nextCursor: null,
    });
    await expect(connector.listCatalogue('page-two')).rejects.toThrow(
      'a start position from 1',
    );
  });

  it('flags items that take orders when out of stock, with the fix in ストアクリエイターPro', async () => {
    const issues = await connector.checkListingSettings([
      'shirt-10:navy-l',
      'towel-20',
    ]);
    expect(issues).toEqual([
      expect.objectContaining({
        listingId: 'towel-20',
        setting: 'allow_overdraft',
        fix: expect.stringContaining('在庫切れ時の注文受付'),
      }),
    ]);
  });

  it('stops with an auth failure that tells the operator to authorise again when the refresh token is refused', async () => {
    const wrong = new YahooConnector({
      credentials: {
        ...sandbox.credentials(),
        refreshToken: 'expired-long-ago',
      },
      baseUrl: sandbox.url,
    });
    await expect(wrong.read(['towel-20'])).rejects.toMatchObject({
      kind: 'auth',
      code: 'invalid_grant',
      message: expect.stringContaining('authorise the app again'),
    });
    expect(sandbox.requests.entries('read')).toHaveLength(0);
  });

  it('refuses credentials without a seller_id, naming the field', () => {
    const { sellerId: _omitted, ...rest } = sandbox.credentials();
    expect(
      () => new YahooConnector({ credentials: rest, baseUrl: sandbox.url }),
    ).toThrow('sellerId');
  });
});
