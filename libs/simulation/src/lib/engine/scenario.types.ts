import type { RuleSet } from '@urikiri/allocation';
import type { SyncSpec } from '../input/plan.schema';

/**
 * Everything one Monte Carlo run needs, as plain data (no functions, no classes), so a worker thread
 * can receive it by structured clone and rebuild nothing but the compiled rule sets.
 */
export interface ScenarioChannel {
  readonly id: string;
  /** When the channel lowers its own displayed stock: at the order, or already when a cart holds it. */
  readonly reservesAt: 'order' | 'cart';
  readonly cartHoldMs: number;
  /** Share of cart holds that end in an order; the rest expire and are given back. */
  readonly checkoutRate: number;
  readonly checkoutMeanMs: number;
  /** Time from the channel's sale until urikiri has ingested the order. */
  readonly importDelayMs: number;
  /** Time from starting a push until the channel shows it. */
  readonly pushLatencyMs: number;
}

/**
 * How demand is spread over the window, per Tokyo day, in slots of `slotMs`: the cumulative weights
 * within each day (for drawing arrival times) and the day's mass, i.e. the expected share of a
 * regular day's demand that the shape puts into that day.
 */
export interface TimeShape {
  readonly cumulativeByDay: readonly Float64Array[];
  readonly massByDay: readonly number[];
}

export interface PromotionDemand {
  /** Index into `Scenario.shapes`. */
  readonly shape: number;
  /** Uplift − 1: the promotion's extra demand as a multiple of the baseline. */
  readonly extra: number;
}

export interface ChannelDemand {
  /** Expected baseline orders on each day of the window (a full regular day). */
  readonly dailyOrders: readonly number[];
  readonly promotions: readonly PromotionDemand[];
  /** Negative binomial dispersion of the daily counts; Infinity for Poisson. */
  readonly dispersion: number;
  /** Baseline sales per day in units, handed to the rules as the listing's velocity (days of cover). */
  readonly velocityPerDay: number;
}

export interface ScheduledInbound {
  readonly at: number;
  readonly quantity: number;
}

export interface SkuScenario {
  readonly sku: string;
  readonly category?: string;
  readonly tags?: readonly string[];
  /** Units on hand when the window opens. */
  readonly initial: number;
  /** Purchase orders arriving inside the window. */
  readonly inbound: readonly ScheduledInbound[];
  /** One entry per scenario channel, in the same order. */
  readonly channels: readonly ChannelDemand[];
}

export interface Scenario {
  readonly seed: number;
  readonly from: number;
  readonly to: number;
  /** Tokyo midnight of each day the window touches. */
  readonly dayStarts: readonly number[];
  readonly slotMs: number;
  readonly unitsPerOrder: number;
  readonly channels: readonly ScenarioChannel[];
  /** `shapes[0]` is the regular intra-day profile; one more per promotion. */
  readonly shapes: readonly TimeShape[];
  readonly skus: readonly SkuScenario[];
}

/** A policy ready to simulate: its rule set and one sync setting per scenario channel. */
export interface PolicySpec {
  readonly name: string;
  readonly rules: RuleSet;
  readonly syncByChannel: readonly SyncSpec[];
}
