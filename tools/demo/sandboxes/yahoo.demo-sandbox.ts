import { createYahooSandbox } from '@urikiri/connector-yahoo/sandbox';
import { DEMO_ACCOUNTS } from '../demo-channel-ids';
import { startLoopbackForwarder } from '../loopback-forwarder';
import type { OrderNumbers } from '../order-numbers';
import { listProducts, portOf, type DemoSandbox, type DemoSandboxOptions } from './demo-sandbox';

/** Yahoo!ショッピング's store API at about one call a second per URL. No order webhooks: urikiri polls. */
export async function startYahooDemoSandbox(options: DemoSandboxOptions, orderNumbers: OrderNumbers): Promise<DemoSandbox> {
  const sandbox = await createYahooSandbox({ seed: 104, latencyMs: options.latencyMs });
  listProducts(options, sandbox.stock, 'yahoo');
  // A sandbox without its fixed port is of no use: stop it rather than leave it running.
  const front = await startLoopbackForwarder(options.port, portOf(sandbox.url), 'the Yahoo! sandbox').catch(async (error: unknown) => {
    await sandbox.close();
    throw error;
  });
  return {
    channel: 'yahoo',
    account: DEMO_ACCOUNTS.yahoo,
    url: front.url,
    stock: sandbox.stock,
    faults: sandbox.faults,
    requests: sandbox.requests,
    sendsOrderWebhooks: false,
    credentials: () => ({ ...sandbox.credentials() }),
    placeOrder: (listingId, quantity) => sandbox.stock.createOrder({ orderId: orderNumbers.yahoo(sandbox.sellerId), lines: [{ listingId, quantity }] }),
    close: async () => {
      await front.close();
      await sandbox.close();
    },
  };
}
