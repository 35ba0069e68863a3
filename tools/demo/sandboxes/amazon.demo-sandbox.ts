import { createAmazonSandbox } from '@urikiri/connector-amazon/sandbox';
import { DEMO_ACCOUNTS } from '../demo-channel-ids';
import { startLoopbackForwarder } from '../loopback-forwarder';
import type { OrderNumbers } from '../order-numbers';
import { listProducts, portOf, type DemoSandbox, type DemoSandboxOptions } from './demo-sandbox';

/**
 * Amazon's SP-API on its documented usage plans. Notifications (ORDER_CHANGE, MFN quantity changes)
 * go to `webhookUrl` signed as the notification relay signs them, which is how Amazon orders reach
 * urikiri within a second: polling alone is allowed once every three minutes.
 */
export async function startAmazonDemoSandbox(options: DemoSandboxOptions, orderNumbers: OrderNumbers): Promise<DemoSandbox> {
  const sandbox = await createAmazonSandbox({ seed: 101, latencyMs: options.latencyMs, ...(options.webhookUrl ? { notifyUrl: options.webhookUrl } : {}) });
  listProducts(options, sandbox.stock, 'amazon');
  // A sandbox without its fixed port is of no use: stop it rather than leave it running.
  const front = await startLoopbackForwarder(options.port, portOf(sandbox.url), 'the Amazon sandbox').catch(async (error: unknown) => {
    await sandbox.close();
    throw error;
  });
  return {
    channel: 'amazon',
    account: DEMO_ACCOUNTS.amazon,
    url: front.url,
    stock: sandbox.stock,
    faults: sandbox.faults,
    requests: sandbox.requests,
    sendsOrderWebhooks: options.webhookUrl !== null,
    // The token endpoint is part of the credentials: it must name the fixed port too.
    credentials: () => ({ ...sandbox.credentials(), tokenUrl: `${front.url}/auth/o2/token` }),
    placeOrder: (listingId, quantity) => sandbox.stock.createOrder({ orderId: orderNumbers.amazon(), lines: [{ listingId, quantity }] }),
    close: async () => {
      await front.close();
      await sandbox.close();
    },
  };
}
