import { CredentialsError } from '@urikiri/connector-sdk';
import { AmazonConnector } from './amazon.connector';
import {
  createAmazonSandbox,
  type AmazonSandbox,
} from './sandbox/amazon.sandbox';
import {
  connectTo,
  pushItem,
  seedListings,
} from './testing/amazon-test-account';

describe('Amazon account and authorisation, as an operator sees them', () => {
  let sandbox: AmazonSandbox;

  beforeEach(async () => {
    sandbox = await createAmazonSandbox({ seed: 41 });
  });
  afterEach(() => sandbox.close());

  it('uses one LWA access token for every call until it expires, in the x-amz-access-token header', async () => {
    const skus = seedListings(sandbox, 3, 1);
    const connector = connectTo(sandbox);
    await connector.read(skus);
    await connector.push([pushItem(skus[0], 2, 1)]);
    expect(sandbox.tokensIssued()).toBe(1);
    expect(
      sandbox.exchanges
        .filter((e) => e.operation !== 'lwaToken')
        .every((e) => e.status === 200),
    ).toBe(true);
  });

  it('refreshes only on the "access token ... expired" answer; another 403 is reported, not retried', async () => {
    const [sku] = seedListings(sandbox, 1, 1);
    const connector = connectTo(sandbox);
    await connector.read([sku]);
    sandbox.expireAccessTokens();
    expect(await connector.read([sku])).toEqual([
      { listingId: sku, found: true, quantity: 1 },
    ]);
    expect(sandbox.tokensIssued()).toBe(2);

    sandbox.revokeCredentials();
    const [result] = await connector.push([pushItem(sku, 3, 1)]);
    expect(result.status).toBe('auth');
    expect(result.status === 'auth' && result.message).toMatch(
      /Unauthorized: Access to requested resource is denied\. \(The access token you provided is revoked/,
    );
    expect(sandbox.tokensIssued()).toBe(2);
  });

  it('tells the operator to authorise the app again when LWA refuses the refresh token', async () => {
    const [sku] = seedListings(sandbox, 1, 1);
    sandbox.revokeCredentials();
    const [result] = await connectTo(sandbox).push([pushItem(sku, 3, 1)]);
    expect(result.status === 'auth' && result.message).toMatch(
      /Login with Amazon refused the refresh token: invalid_grant.*Authorise the app again in Seller Central/,
    );
  });

  it('names each wrong credential and setting with what is accepted', () => {
    const credentials = {
      ...sandbox.credentials(),
      sellerId: 'my-shop',
      refreshToken: 'abc',
    };
    expect(
      () => new AmazonConnector({ credentials, baseUrl: sandbox.url }),
    ).toThrow(CredentialsError);
    expect(
      () => new AmazonConnector({ credentials, baseUrl: sandbox.url }),
    ).toThrow(
      /refreshToken: must be the refresh token[^\n]*Atzr\|[\s\S]*sellerId: must be the merchant token/,
    );
    expect(() =>
      connectTo(sandbox, { feedThreshold: 1, ordersPageSize: 500 }),
    ).toThrow(
      /Amazon settings are invalid:[\s\S]*feedThreshold[\s\S]*ordersPageSize/,
    );
  });
});
