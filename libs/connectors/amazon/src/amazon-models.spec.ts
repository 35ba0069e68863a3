import axios from 'axios';
import {
  createAmazonSandbox,
  type AmazonSandbox,
} from './sandbox/amazon.sandbox';
import { loadModel, schemaCheck, SwaggerModel } from './testing/amazon-models';
import {
  FAST_PLANS,
  QUICK_POLLING,
  connectTo,
  pushItem,
  seedListings,
  until,
} from './testing/amazon-test-account';

const MODEL_BY_PATH: [RegExp, string][] = [
  [/^\/listings\//, 'listingsItems_2021-08-01.json'],
  [/^\/feeds\//, 'feeds_2021-06-30.json'],
  [/^\/reports\//, 'reports_2021-06-30.json'],
  [/^\/orders\/2026-01-01\//, 'orders_2026-01-01.json'],
  [/^\/orders\/v0\//, 'ordersV0.json'],
  [/^\/fba\/inventory\//, 'fbaInventory.json'],
];

describe('Amazon wire bodies against the official SP-API models', () => {
  let sandbox: AmazonSandbox;

  afterEach(() => sandbox?.close());

  it('says where it looked and how to point AMAZON_MODELS_DIR at the models when they are missing', () => {
    const saved = process.env.AMAZON_MODELS_DIR;
    process.env.AMAZON_MODELS_DIR = '/nonexistent/amazon-models';
    try {
      expect(() => loadModel('feeds_2021-06-30.json')).toThrow(
        /looked for it in \/nonexistent\/amazon-models \(from AMAZON_MODELS_DIR\).*set AMAZON_MODELS_DIR/,
      );
    } finally {
      if (saved === undefined) {
        delete process.env.AMAZON_MODELS_DIR;
      } else {
        process.env.AMAZON_MODELS_DIR = saved;
      }
    }
  });

  it('every request the connector sends and every answer the sandbox gives match the models', async () => {
    // Loading first: without the models this test fails here, naming the folder it looked in.
    const models = new Map(
      MODEL_BY_PATH.map(([, file]) => [file, new SwaggerModel(file)]),
    );
    const feedDocument = schemaCheck('listings-feed-schema-v2.json');
    const orderChange = schemaCheck('OrderChangeNotification.json');
    const quantityChange = schemaCheck('ListingsItemMfnQuantityChange.json');

    sandbox = await createAmazonSandbox({
      seed: 3,
      rateLimits: FAST_PLANS,
      feedTiming: { queuedMs: 10, processingMs: 20 },
      reportProcessingMs: 20,
    });
    const skus = seedListings(sandbox, 6, 5);
    sandbox.stock.setFba(skus[5], {
      fulfillable: 12,
      inbound: 3,
      reserved: 1,
      merchantFulfilled: false,
      asin: 'B0SANDBOX6',
    });
    const connector = connectTo(sandbox, {
      feedThreshold: 3,
      reportReadThreshold: 4,
      ...QUICK_POLLING,
    });

    await connector.push([pushItem(skus[0], 4, 5)]);
    await connector.push([
      pushItem(skus[1], 7, 5),
      pushItem(skus[2], 8, 5),
      pushItem('SKU-404', 1, null),
    ]);
    await connector.read([skus[0], 'SKU-404']);
    await connector.read(skus);
    await connector.listCatalogue(null);
    await connector.checkListingSettings(skus);
    await connector.fbaStock(skus);
    const order = sandbox.stock.createOrder({
      lines: [
        { listingId: skus[0], quantity: 2 },
        { listingId: skus[1], quantity: 1 },
      ],
    });
    sandbox.stock.payOrder(order.orderId);
    sandbox.stock.cancelLine(order.orderId, order.lines[1].lineId, 1);
    await connector.fetchOrders(null);
    sandbox.expireAccessTokens();
    await connector.read([skus[0]]);

    // The v0 orders API and the error answers, called as any client would.
    const token = (
      await axios.post(
        sandbox.credentials().tokenUrl,
        new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: sandbox.account.refreshToken,
          client_id: sandbox.account.clientId,
          client_secret: sandbox.account.clientSecret,
        }).toString(),
        { headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      )
    ).data.access_token as string;
    const api = axios.create({
      baseURL: sandbox.url,
      headers: { 'x-amz-access-token': token },
      validateStatus: () => true,
    });
    await api.get('/orders/v0/orders', {
      params: {
        MarketplaceIds: sandbox.account.marketplaceId,
        LastUpdatedAfter: '2020-01-01T00:00:00Z',
      },
    });
    await api.get(`/orders/v0/orders/${order.orderId}/orderItems`);
    await api.get('/orders/v0/orders', {
      params: { MarketplaceIds: sandbox.account.marketplaceId },
    });
    await api.get('/orders/2026-01-01/orders', {
      params: {
        marketplaceIds: sandbox.account.marketplaceId,
        createdAfter: 'yesterday',
      },
    });
    await api.patch(
      `/listings/2021-08-01/items/${sandbox.account.sellerId}/${skus[0]}`,
      { productType: 'PRODUCT', patches: [] },
      { params: { marketplaceIds: sandbox.account.marketplaceId } },
    );

    const problems: string[] = [];
    for (const exchange of sandbox.exchanges) {
      const file = MODEL_BY_PATH.find(([pattern]) =>
        pattern.test(exchange.path),
      )?.[1];
      if (exchange.operation === 'uploadDocument') {
        problems.push(...feedDocument(exchange.requestBody));
      } else if (file) {
        const model = models.get(file) as SwaggerModel;
        // Requests the test itself sent wrong on purpose are checked for their answers only.
        if (exchange.status < 400) {
          problems.push(
            ...model.checkRequest(
              exchange.method,
              exchange.path,
              exchange.query,
              exchange.requestBody,
            ),
          );
        }
        problems.push(
          ...model.checkResponse(
            exchange.method,
            exchange.path,
            exchange.status,
            exchange.responseBody,
          ),
        );
      }
    }
    const seen = new Set(
      sandbox.exchanges.map((e) => `${e.operation} ${e.status}`),
    );
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'patchListingsItem 200',
        'patchListingsItem 400',
        'getListingsItem 200',
        'getListingsItem 404',
        'getListingsItem 403',
        'searchListingsItems 200',
        'createFeedDocument 201',
        'uploadDocument 200',
        'createFeed 202',
        'getFeed 200',
        'getFeedDocument 200',
        'createReport 202',
        'getReport 200',
        'getReportDocument 200',
        'searchOrders 200',
        'searchOrders 400',
        'getOrders 200',
        'getOrders 400',
        'getOrderItems 200',
        'getInventorySummaries 200',
      ]),
    );
    expect(problems).toEqual([]);

    const order2 = sandbox.stock.createOrder({
      lines: [{ listingId: skus[2], quantity: 1 }],
    });
    const notifications = [
      JSON.parse(
        sandbox
          .webhookFor(
            sandbox.stock.events().filter((e) => e.orderId === order2.orderId),
          )
          .body.toString(),
      ),
      JSON.parse(sandbox.quantityWebhookFor(skus[2]).body.toString()),
    ];
    expect([
      ...orderChange(notifications[0]),
      ...quantityChange(notifications[1]),
    ]).toEqual([]);
  });

  it('sends notifications that match the models to the configured URL', async () => {
    const orderChange = schemaCheck('OrderChangeNotification.json');
    const quantityChange = schemaCheck('ListingsItemMfnQuantityChange.json');
    const received: unknown[] = [];
    const { createServer } = await import('node:http');
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString()));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) =>
      receiver.listen(0, '127.0.0.1', resolve),
    );
    const port = (receiver.address() as { port: number }).port;
    try {
      sandbox = await createAmazonSandbox({
        seed: 4,
        notifyUrl: `http://127.0.0.1:${port}/amazon/notifications`,
        notificationFormat: 'eventbridge',
      });
      const [sku] = seedListings(sandbox, 1, 3);
      const order = sandbox.stock.createOrder({
        lines: [{ listingId: sku, quantity: 1 }],
      });
      sandbox.stock.cancelOrder(order.orderId);
      await until(() => received.length >= 5);
      await sandbox.notifications.settled();
      const details = received.map(
        (r) => (r as { detail: { NotificationType: string } }).detail,
      );
      expect(details.map((d) => d.NotificationType)).toEqual([
        'LISTINGS_ITEM_MFN_QUANTITY_CHANGE',
        'LISTINGS_ITEM_MFN_QUANTITY_CHANGE',
        'ORDER_CHANGE',
        'LISTINGS_ITEM_MFN_QUANTITY_CHANGE',
        'ORDER_CHANGE',
      ]);
      const problems = details.flatMap((d) =>
        d.NotificationType === 'ORDER_CHANGE'
          ? orderChange(d)
          : quantityChange(d),
      );
      expect(problems).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
