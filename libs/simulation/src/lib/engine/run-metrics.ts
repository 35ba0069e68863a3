/**
 * What one run of one policy produced. Totals are in units. Per-SKU arrays feed the stock-out
 * probability and the replenishment quantiles; the hourly arrays are the stock each channel showed
 * (summed over SKUs) and the physical stock, at each hour mark of the window.
 */
export interface ChannelRunMetrics {
  sold: number;
  lostSyncLag: number;
  lostRules: number;
  oversold: number;
  /** Listing-hours the channel showed 0, summed over SKUs. */
  stockOutHours: number;
}

export interface RunMetrics {
  run: number;
  demand: number;
  sold: number;
  /** Buyers' units refused by a channel showing too little while free stock existed (売り逃し). */
  turnedAway: number;
  /**
   * Lost sales: turned-away units whose stock was still unsold at the end (a unit another channel
   * sold later was not lost), attributed to sync lag when the rules would have shown it...
   */
  lostSyncLag: number;
  /** ...and to the rules when they chose not to show it on that channel. */
  lostRules: number;
  /** Demand that met no stock anywhere (a true stock-out, not a lost sale). */
  unmet: number;
  oversold: number;
  leftover: number;
  /** Oversold units still not filled by an inbound at the end. */
  backordersOpen: number;
  initial: number;
  inbound: number;
  allocations: number;
  channels: ChannelRunMetrics[];
  skuSoldOut: Uint8Array;
  skuLost: Float64Array;
  skuOversold: Float64Array;
  skuDemand: Float64Array;
  shownByHour: Float64Array[];
  physicalByHour: Float64Array;
}

export function emptyRunMetrics(run: number, channels: number, skus: number, hours: number): RunMetrics {
  return {
    run,
    demand: 0,
    sold: 0,
    turnedAway: 0,
    lostSyncLag: 0,
    lostRules: 0,
    unmet: 0,
    oversold: 0,
    leftover: 0,
    backordersOpen: 0,
    initial: 0,
    inbound: 0,
    allocations: 0,
    channels: Array.from({ length: channels }, () => ({
      sold: 0,
      lostSyncLag: 0,
      lostRules: 0,
      oversold: 0,
      stockOutHours: 0,
    })),
    skuSoldOut: new Uint8Array(skus),
    skuLost: new Float64Array(skus),
    skuOversold: new Float64Array(skus),
    skuDemand: new Float64Array(skus),
    shownByHour: Array.from({ length: channels }, () => new Float64Array(hours + 1)),
    physicalByHour: new Float64Array(hours + 1),
  };
}

/** The hourly arrays are filled with changes while simulating; this turns them into levels. */
export function settleHourly(metrics: RunMetrics): void {
  for (const series of [...metrics.shownByHour, metrics.physicalByHour]) {
    for (let h = 1; h < series.length; h++) series[h] += series[h - 1];
  }
}
