import { SHOPIFY_GRAPHQL_PATH } from '../shopify-api.constants';
import { ORDER_LINE_LOCATIONS_QUERY, READ_LEVELS_QUERY, SET_QUANTITIES_MUTATION, VARIANT_ITEMS_QUERY } from '../shopify-graphql.documents';
import { createShopifySandbox, type ShopifySandbox } from './shopify.sandbox';

const LISTING = '44000000501@71000000001';

describe('Shopify sandbox', () => {
  let sandbox: ShopifySandbox;
  const post = async (body: unknown, token = sandbox.credentials().accessToken, path = SHOPIFY_GRAPHQL_PATH) => {
    const res = await fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': token },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const set = (quantity: number, changeFromQuantity: number | null, key: string) => ({
    query: SET_QUANTITIES_MUTATION,
    variables: {
      idempotencyKey: key,
      input: {
        name: 'available',
        reason: 'correction',
        quantities: [{ inventoryItemId: 'gid://shopify/InventoryItem/44000000501', locationId: 'gid://shopify/Location/71000000001', quantity, changeFromQuantity }],
      },
    },
  });

  beforeEach(async () => {
    sandbox = await createShopifySandbox({ seed: 19 });
    sandbox.stock.upsertListing({ listingId: LISTING, quantity: 5 });
  });
  afterEach(() => sandbox.close());

  it('answers inventorySetQuantities with the adjustment group and the cost of the call', async () => {
    const { status, body } = await post(set(8, 5, 'k1'));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      data: {
        inventorySetQuantities: {
          inventoryAdjustmentGroup: { reason: 'correction', changes: [{ name: 'available', delta: 3, quantityAfterChange: 8 }] },
          userErrors: [],
        },
      },
      extensions: { cost: { requestedQueryCost: 10, actualQueryCost: 10, throttleStatus: { maximumAvailable: 2000, restoreRate: 100 } } },
    });
  });

  it('refuses a stale changeFromQuantity with the user error, and a missing one as a variable error', async () => {
    const stale = await post(set(8, 4, 'k2'));
    expect(stale.body).toMatchObject({
      data: {
        inventorySetQuantities: {
          inventoryAdjustmentGroup: null,
          userErrors: [{ code: 'CHANGE_FROM_QUANTITY_STALE', field: ['input', 'quantities', '0', 'changeFromQuantity'] }],
        },
      },
    });
    const request = set(8, 5, 'k3');
    delete (request.variables.input.quantities[0] as { changeFromQuantity?: number | null }).changeFromQuantity;
    expect((await post(request)).body).toMatchObject({ errors: [{ message: expect.stringContaining('required since 2026-04') }] });
    expect(sandbox.stock.quantity(LISTING)).toBe(5);
  });

  it('answers THROTTLED with the bucket state when the call does not fit', async () => {
    sandbox.bucket.consume(2000);
    // 250 levels ask for 251 points: two and a half seconds of refill on a Standard shop.
    const ids = Array.from({ length: 250 }, (_, i) => `gid://shopify/InventoryLevel/71000000001?inventory_item_id=${i + 1}`);
    const { status, body } = await post({ query: READ_LEVELS_QUERY, variables: { ids } });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
      extensions: { cost: { requestedQueryCost: 251, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000 } } },
    });
    expect(body.data).toBeUndefined();
  });

  it("answers Shopify's errors for a wrong token, another API version and an operation it does not play", async () => {
    expect(await post(set(6, 5, 'k5'), 'shpat_wrong')).toEqual({
      status: 401,
      body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' },
    });
    expect((await post(set(6, 5, 'k6'), undefined, '/admin/api/2024-01/graphql.json')).status).toBe(404);
    const unknown = await post({ query: 'query Products { products(first: 1) { nodes { id } } }' });
    expect(unknown.body).toMatchObject({ errors: [{ message: expect.stringContaining('answers the operations SetAvailableQuantities') }] });
    const noDirective = await post({ ...set(6, 5, 'k7'), query: SET_QUANTITIES_MUTATION.replace(/ @idempotent\(key: \$idempotencyKey\)/, '') });
    expect(noDirective.body).toMatchObject({ errors: [{ message: expect.stringContaining('@idempotent') }] });
  });

  it('reads levels with available, committed and on_hand, null for unknown ones', async () => {
    sandbox.stock.createOrder({ lines: [{ listingId: LISTING, quantity: 2 }] });
    const { body } = await post({
      query: READ_LEVELS_QUERY,
      variables: { ids: ['gid://shopify/InventoryLevel/71000000001?inventory_item_id=44000000501', 'gid://shopify/InventoryLevel/1?inventory_item_id=2'] },
    });
    expect((body.data as { nodes: unknown[] }).nodes).toEqual([
      expect.objectContaining({
        quantities: [
          { name: 'available', quantity: 3 },
          { name: 'committed', quantity: 2 },
          { name: 'on_hand', quantity: 5 },
        ],
      }),
      null,
    ]);
  });

  it('sends order webhooks in Shopify\'s shape: a line names its variant and SKU, never an inventory item or a location', async () => {
    sandbox.stock.upsertListing({ listingId: '44000000502@71000000002', quantity: 5, sellerSku: 'CAP' });
    sandbox.stock.createOrder({
      lines: [
        { listingId: LISTING, quantity: 2 },
        { listingId: '44000000502@71000000002', quantity: 1 },
      ],
    });
    const events = sandbox.stock.events().map(({ seq: _seq, ...e }) => e);
    const body = JSON.parse(sandbox.webhookFor(events).body.toString()) as { line_items: Record<string, unknown>[] };
    expect(body.line_items.map((l) => Object.keys(l).sort())).toEqual(
      Array(2).fill(
        ['admin_graphql_api_id', 'current_quantity', 'fulfillable_quantity', 'id', 'quantity', 'sku', 'title', 'variant_id'].sort(),
      ),
    );
    // Variants have ids of their own: the line's variant_id is not its inventory item's id.
    expect(body.line_items.map((l) => l.variant_id)).not.toContain(44000000501);
    expect(body.line_items.map((l) => l.sku)).toEqual([null, 'CAP']);
  });

  it('answers the variant and fulfillment-order look-ups, pages cut where asked, priced per order', async () => {
    sandbox.stock.upsertListing({ listingId: '44000000502@71000000001', quantity: 5 });
    sandbox.stock.upsertListing({ listingId: '44000000501@71000000002', quantity: 5 });
    const order = sandbox.stock.createOrder({
      lines: [
        { listingId: LISTING, quantity: 1 },
        { listingId: '44000000502@71000000001', quantity: 1 },
        { listingId: '44000000501@71000000002', quantity: 1 },
      ],
    });
    const body = JSON.parse(sandbox.webhookFor(sandbox.stock.events().map(({ seq: _seq, ...e }) => e)).body.toString()) as {
      line_items: { variant_id: number; admin_graphql_api_id: string }[];
    };
    const variants = await post({
      query: VARIANT_ITEMS_QUERY,
      variables: { ids: [`gid://shopify/ProductVariant/${body.line_items[0].variant_id}`, 'gid://shopify/ProductVariant/7'] },
    });
    expect(variants.body).toMatchObject({
      data: { nodes: [{ inventoryItem: { id: 'gid://shopify/InventoryItem/44000000501' } }, null] },
      extensions: { cost: { requestedQueryCost: 4 } },
    });

    const located = await post({
      query: ORDER_LINE_LOCATIONS_QUERY,
      variables: { ids: [order.orderId, 'gid://shopify/Order/1'], fulfillmentOrders: 1, lineItems: 1 },
    });
    const [tokyo] = body.line_items;
    expect(located.body).toMatchObject({
      data: {
        nodes: [
          {
            id: order.orderId,
            fulfillmentOrders: {
              // One fulfillment order per location: Tokyo holds two lines, Osaka one.
              nodes: [
                {
                  assignedLocation: { location: { id: 'gid://shopify/Location/71000000001' } },
                  lineItems: { nodes: [{ lineItem: { id: tokyo.admin_graphql_api_id } }], pageInfo: { hasNextPage: true } },
                },
              ],
              pageInfo: { hasNextPage: true },
            },
          },
          null,
        ],
      },
      // 2 orders asked × (3 + 1 × (5 + 2 × 1)) = 20; one found, so 10 charged.
      extensions: { cost: { requestedQueryCost: 20, actualQueryCost: 10 } },
    });
  });

  it('is the same shop for the same seed: credentials and ids', async () => {
    const again = await createShopifySandbox({ seed: 19 });
    try {
      again.stock.upsertListing({ listingId: LISTING, quantity: 5 });
      expect(again.credentials()).toEqual(sandbox.credentials());
      const a = sandbox.stock.createOrder({ lines: [{ listingId: LISTING, quantity: 1 }] });
      const b = again.stock.createOrder({ lines: [{ listingId: LISTING, quantity: 1 }] });
      expect(b.orderId).toBe(a.orderId);
      expect(again.stock.events().map((e) => e.eventId)).toEqual(sandbox.stock.events().map((e) => e.eventId));
      expect(() => again.stock.createOrder({ orderId: 'A-1', lines: [{ listingId: LISTING, quantity: 1 }] })).toThrow(
        'Shopify numbers its orders itself',
      );
      expect(() => again.stock.upsertListing({ listingId: 'TEE', quantity: 1 })).toThrow('expected "<inventoryItemId>@<locationId>"');
    } finally {
      await again.close();
    }
  });
});
