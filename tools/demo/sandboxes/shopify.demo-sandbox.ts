import { createShopifySandbox } from '@urikiri/connector-shopify/sandbox';
import { SHOPIFY_LOCATION_NAMES } from '../demo-catalogue';
import { DEMO_ACCOUNTS } from '../demo-channel-ids';
import type { DemoStateFile } from '../demo-state-file';
import { startLoopbackForwarder } from '../loopback-forwarder';
import { keepShopifyNumbering } from '../shopify-numbering';
import { listProducts, portOf, type DemoSandbox, type DemoSandboxOptions } from './demo-sandbox';

/**
 * The own shop on Shopify, on the Plus plan's cost bucket (1,000 points a second): the bucket the
 * connector's manifest plans its calls for. Its order webhooks go to `webhookUrl`
 * signed with the app's secret, as Shopify sends them; Shopify numbers orders itself, so the
 * numbering is carried over restarts through the demo's state file.
 */
export async function startShopifyDemoSandbox(options: DemoSandboxOptions, state: DemoStateFile): Promise<DemoSandbox> {
  const sandbox = await createShopifySandbox({ seed: 103, plan: 'plus', latencyMs: options.latencyMs, locationNames: SHOPIFY_LOCATION_NAMES });
  keepShopifyNumbering(sandbox.stock, state);
  listProducts(options, sandbox.stock, 'shopify');
  if (options.webhookUrl) sandbox.webhooks.subscribe(options.webhookUrl);
  // A sandbox without its fixed port is of no use: stop it rather than leave it running.
  const front = await startLoopbackForwarder(options.port, portOf(sandbox.url), 'the Shopify sandbox').catch(async (error: unknown) => {
    await sandbox.close();
    throw error;
  });
  return {
    channel: 'shopify',
    account: DEMO_ACCOUNTS.shopify,
    url: front.url,
    stock: sandbox.stock,
    faults: sandbox.faults,
    requests: sandbox.requests,
    sendsOrderWebhooks: options.webhookUrl !== null,
    credentials: () => ({ ...sandbox.credentials() }),
    placeOrder: (listingId, quantity) => sandbox.stock.createOrder({ lines: [{ listingId, quantity }] }),
    close: async () => {
      await front.close();
      await sandbox.close();
    },
  };
}
