/** The demo's channels, by connector id; each is one channel account on its own sandbox. */
export const DEMO_CHANNEL_IDS = ['amazon', 'rakuten', 'shopify', 'yahoo'] as const;
export type DemoChannelId = (typeof DEMO_CHANNEL_IDS)[number];

export function isDemoChannelId(value: string): value is DemoChannelId {
  return (DEMO_CHANNEL_IDS as readonly string[]).includes(value);
}

export interface DemoAccount {
  id: string;
  displayName: string;
}

/** The accounts the demo configures; rules may name the channel (`rakuten`) or the account (`rakuten/rakuten-sandbox`). */
export const DEMO_ACCOUNTS: Record<DemoChannelId, DemoAccount> = {
  amazon: { id: 'amazon-sandbox', displayName: 'Amazon.co.jp (sandbox)' },
  rakuten: { id: 'rakuten-sandbox', displayName: '楽天市場 (sandbox)' },
  shopify: { id: 'shopify-sandbox', displayName: '自社ショップ Shopify (sandbox)' },
  yahoo: { id: 'yahoo-sandbox', displayName: 'Yahoo!ショッピング (sandbox)' },
};

/**
 * Loopback ports of the demo: the control endpoint on the base port, each sandbox after it. Fixed,
 * because the service stores each account's base URL: a sandbox on a new port after a restart would
 * leave its account pointing at nothing.
 */
export const DEFAULT_DEMO_BASE_PORT = 4100;

export function demoPorts(basePort: number): { control: number } & Record<DemoChannelId, number> {
  if (basePort === 0) return { control: 0, amazon: 0, rakuten: 0, shopify: 0, yahoo: 0 };
  return { control: basePort, amazon: basePort + 1, rakuten: basePort + 2, shopify: basePort + 3, yahoo: basePort + 4 };
}
