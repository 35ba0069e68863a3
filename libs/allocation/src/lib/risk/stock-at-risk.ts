import type { Risk } from './risk.types';

/** A finding that concerns the stock itself rather than how the rules read. */
export type StockRisk = Extract<Risk, { severity: 'high' | 'warning' }>;

/**
 * Whether a finding puts the SKU's stock at risk: a `high` one lets the channels together sell more
 * than there is (oversell), a `warning` one shows the SKU sold out on a channel while units exist.
 * `info` findings explain how the rules read and leave the stock as it should be.
 */
export function isStockAtRisk(risk: Risk): risk is StockRisk {
  return risk.severity !== 'info';
}
