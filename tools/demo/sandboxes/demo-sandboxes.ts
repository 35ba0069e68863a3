import { DEMO_CHANNEL_IDS, type DemoChannelId } from '../demo-channel-ids';
import type { DemoStateFile } from '../demo-state-file';
import { OrderNumbers } from '../order-numbers';
import { startAmazonDemoSandbox } from './amazon.demo-sandbox';
import type { DemoSandbox, DemoSandboxOptions } from './demo-sandbox';
import { startRakutenDemoSandbox } from './rakuten.demo-sandbox';
import { startShopifyDemoSandbox } from './shopify.demo-sandbox';
import { startYahooDemoSandbox } from './yahoo.demo-sandbox';

export interface DemoSandboxesOptions {
  ports: Record<DemoChannelId, number>;
  /** Where each channel's order webhooks go; null sends none. */
  webhookUrl(channel: DemoChannelId): string | null;
  state: DemoStateFile;
  /** Per-call latency and catalogue for every sandbox (see DemoSandboxOptions). */
  each?: Pick<DemoSandboxOptions, 'latencyMs' | 'list'>;
}

export interface DemoSandboxes {
  readonly all: readonly DemoSandbox[];
  get(channel: DemoChannelId): DemoSandbox;
  close(): Promise<void>;
}

/** The four channel sandboxes, each with the demo's listings, each on its fixed port. */
export async function startDemoSandboxes(options: DemoSandboxesOptions): Promise<DemoSandboxes> {
  const orderNumbers = new OrderNumbers();
  const settings = (channel: DemoChannelId): DemoSandboxOptions => ({ ...options.each, port: options.ports[channel], webhookUrl: options.webhookUrl(channel) });
  const starters: Record<DemoChannelId, () => Promise<DemoSandbox>> = {
    amazon: () => startAmazonDemoSandbox(settings('amazon'), orderNumbers),
    rakuten: () => startRakutenDemoSandbox(settings('rakuten'), orderNumbers),
    shopify: () => startShopifyDemoSandbox(settings('shopify'), options.state),
    yahoo: () => startYahooDemoSandbox(settings('yahoo'), orderNumbers),
  };
  const started: DemoSandbox[] = [];
  const close = async () => {
    await Promise.all(started.map((sandbox) => sandbox.close()));
  };
  try {
    for (const channel of DEMO_CHANNEL_IDS) started.push(await starters[channel]());
  } catch (error) {
    await close();
    throw error;
  }
  return {
    all: started,
    get: (channel) => started.find((s) => s.channel === channel) as DemoSandbox,
    close,
  };
}
