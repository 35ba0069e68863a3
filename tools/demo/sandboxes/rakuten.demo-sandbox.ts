import { createRakutenSandbox } from '@urikiri/connector-rakuten/sandbox';
import { DEMO_ACCOUNTS } from '../demo-channel-ids';
import { startLoopbackForwarder } from '../loopback-forwarder';
import type { OrderNumbers } from '../order-numbers';
import { listProducts, portOf, type DemoSandbox, type DemoSandboxOptions } from './demo-sandbox';

const SHOP_NUMBER = '385912';

/**
 * Rakuten's RMS on its limits (one inventory write a second). RMS has no order webhooks: urikiri
 * finds Rakuten's orders by polling. The keys come from the seed, so they are the same at every start.
 */
export async function startRakutenDemoSandbox(options: DemoSandboxOptions, orderNumbers: OrderNumbers): Promise<DemoSandbox> {
  const sandbox = await createRakutenSandbox({ seed: 102, latencyMs: options.latencyMs, shopNumber: SHOP_NUMBER });
  listProducts(options, sandbox.stock, 'rakuten');
  // A sandbox without its fixed port is of no use: stop it rather than leave it running.
  const front = await startLoopbackForwarder(options.port, portOf(sandbox.url), 'the Rakuten sandbox').catch(async (error: unknown) => {
    await sandbox.close();
    throw error;
  });
  return {
    channel: 'rakuten',
    account: DEMO_ACCOUNTS.rakuten,
    url: front.url,
    stock: sandbox.stock,
    faults: sandbox.faults,
    requests: sandbox.requests,
    sendsOrderWebhooks: false,
    credentials: () => ({ ...sandbox.credentials() }),
    placeOrder: (listingId, quantity) => sandbox.stock.createOrder({ orderId: orderNumbers.rakuten(SHOP_NUMBER), lines: [{ listingId, quantity }] }),
    close: async () => {
      await front.close();
      await sandbox.close();
    },
  };
}
