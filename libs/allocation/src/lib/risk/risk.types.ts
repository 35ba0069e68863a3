/**
 * Findings about how a rule set treats one allocation unit. `high` can oversell, `warning` can hide
 * stock that exists (a false stock-out), `info` is worth knowing. Percentages are basis points.
 */
export type Risk =
  | {
      readonly code: 'over-commit';
      readonly severity: 'high';
      readonly sku: string;
      readonly ruleId: string | null;
      /** What the listings may sell together, in percent of the pool. */
      readonly committedBasisPoints: number;
    }
  | {
      readonly code: 'published-exceeds-available';
      readonly severity: 'high';
      readonly sku: string;
      readonly published: number;
      readonly available: number;
    }
  | {
      readonly code: 'shares-scaled-down';
      readonly severity: 'info';
      readonly sku: string;
      readonly ruleId: string;
      readonly totalBasisPoints: number;
    }
  | {
      readonly code: 'shares-hold-back';
      readonly severity: 'warning';
      readonly sku: string;
      readonly ruleId: string;
      readonly totalBasisPoints: number;
    }
  | {
      readonly code: 'no-share';
      readonly severity: 'warning';
      readonly sku: string;
      readonly ruleId: string;
      readonly listingId: string;
    }
  | {
      readonly code: 'not-in-priority';
      readonly severity: 'info';
      readonly sku: string;
      readonly ruleId: string;
      readonly listingId: string;
    }
  | {
      readonly code: 'ring-fences-exceed-stock';
      readonly severity: 'warning';
      readonly sku: string;
      readonly ruleId: string;
      readonly fenced: number;
      readonly available: number;
    }
  | {
      readonly code: 'safety-stock-takes-all';
      readonly severity: 'warning';
      readonly sku: string;
      readonly ruleId: string;
      readonly available: number;
    }
  | {
      readonly code: 'low-stock-now';
      readonly severity: 'info';
      readonly sku: string;
      readonly ruleId: string;
      readonly available: number;
      readonly threshold: number;
    };

export type RiskCode = Risk['code'];

export interface RiskReport {
  readonly ruleSetVersion: number;
  readonly risks: readonly Risk[];
}
