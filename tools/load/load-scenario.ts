import type { DemoChannelId } from '../demo/demo-channel-ids';

/** One flash sale: what arrives, on which channels, against how much stock, on which database. */
export interface LoadScenario {
  /** Mean order arrivals per second over all channels (Poisson). */
  ordersPerSecond: number;
  skus: number;
  /** The few SKUs the sale is about (the newsletter's, the SNS post's). */
  hotSkus: number;
  /** Share of all orders that go to the hot SKUs. */
  hotShare: number;
  durationMs: number;
  /** Added by each sandbox before every answer: the channel's round trip. */
  latencyMs: number;
  /** Stock of each SKU as a multiple of its expected demand over the run: below 1, the sale sells out. */
  stockCover: number;
  /** Units every SKU holds on top of that: what a shop carries whatever the sale. */
  baseStock: number;
  /** Share of the orders each channel receives. */
  channelShares: Record<DemoChannelId, number>;
  database: 'postgresql' | 'sqlite';
  seed: number;
}

export const DEFAULT_CHANNEL_SHARES: Record<DemoChannelId, number> = { rakuten: 0.35, amazon: 0.25, shopify: 0.25, yahoo: 0.15 };

export const DEFAULT_SCENARIO: LoadScenario = {
  ordersPerSecond: 50,
  skus: 1000,
  hotSkus: 10,
  hotShare: 0.3,
  durationMs: 60_000,
  latencyMs: 50,
  stockCover: 0.8,
  baseStock: 10,
  channelShares: DEFAULT_CHANNEL_SHARES,
  database: 'postgresql',
  seed: 2026,
};

/** A command-line value that does not fit: names the option and what it accepts. */
export class ScenarioOptionError extends Error {
  constructor(option: string, accepted: string, got: string) {
    super(`--${option} must be ${accepted}, but got "${got}"`);
    this.name = 'ScenarioOptionError';
  }
}

interface NumberOption {
  key: keyof LoadScenario;
  min: number;
  max: number;
  integer: boolean;
  /** The option's unit on the command line → the scenario's (seconds → ms). */
  scale?: number;
}

const NUMBER_OPTIONS: Record<string, NumberOption> = {
  rate: { key: 'ordersPerSecond', min: 0.1, max: 10_000, integer: false },
  skus: { key: 'skus', min: 1, max: 100_000, integer: true },
  hot: { key: 'hotSkus', min: 0, max: 1000, integer: true },
  'hot-share': { key: 'hotShare', min: 0, max: 1, integer: false },
  duration: { key: 'durationMs', min: 1, max: 86_400, integer: false, scale: 1000 },
  latency: { key: 'latencyMs', min: 0, max: 10_000, integer: true },
  'stock-cover': { key: 'stockCover', min: 0.01, max: 100, integer: false },
  'base-stock': { key: 'baseStock', min: 0, max: 1_000_000, integer: true },
  seed: { key: 'seed', min: 0, max: 2 ** 31, integer: true },
};

export const SCENARIO_USAGE =
  '[--rate <orders/s>] [--duration <s>] [--skus <n>] [--hot <n>] [--hot-share <0..1>] [--latency <ms>] ' +
  '[--stock-cover <x>] [--base-stock <units>] [--seed <n>] [--db postgresql|sqlite]';

/**
 * Reads `--name value` pairs onto the defaults. Options the scenario does not know are handed back
 * in `rest`, for the command that adds its own.
 */
export function parseScenario(args: readonly string[], defaults: LoadScenario = DEFAULT_SCENARIO): { scenario: LoadScenario; rest: Map<string, string> } {
  const scenario: LoadScenario = { ...defaults };
  const rest = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i];
    const value = args[i + 1];
    if (!flag.startsWith('--')) throw new ScenarioOptionError(flag, 'an option such as --rate', flag);
    const name = flag.slice(2);
    if (value === undefined) throw new ScenarioOptionError(name, 'followed by a value', '');
    const option = NUMBER_OPTIONS[name];
    if (name === 'db') {
      if (value !== 'postgresql' && value !== 'sqlite') throw new ScenarioOptionError(name, 'postgresql or sqlite', value);
      scenario.database = value;
    } else if (option) {
      const n = Number(value);
      const accepted = `${option.integer ? 'an integer' : 'a number'} from ${option.min} to ${option.max}`;
      if (!Number.isFinite(n) || n < option.min || n > option.max || (option.integer && !Number.isInteger(n))) throw new ScenarioOptionError(name, accepted, value);
      (scenario[option.key] as number) = n * (option.scale ?? 1);
    } else {
      rest.set(name, value);
    }
  }
  if (scenario.hotSkus > scenario.skus) throw new ScenarioOptionError('hot', `at most --skus (${scenario.skus})`, String(scenario.hotSkus));
  return { scenario, rest };
}
