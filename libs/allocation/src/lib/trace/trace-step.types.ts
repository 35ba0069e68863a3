import type { Mode } from '../rules/rule-set.schema';

/**
 * One step of the explanation of a listing's quantity: a code, the numbers, and the rule that
 * caused it (null when no rule did). Quantities are in units of `sku` unless the step is about
 * the listing as a whole (bundle, min, max, result). Percentages are basis points (60 % = 6000).
 */
export type TraceStep =
  | { readonly code: 'inactive' }
  | {
      readonly code: 'available';
      readonly sku: string;
      readonly available: number;
    }
  | {
      readonly code: 'safety-stock';
      readonly sku: string;
      readonly ruleId: string;
      readonly before: number;
      readonly buffer: number;
      readonly after: number;
    }
  | {
      readonly code: 'ring-fence';
      readonly sku: string;
      readonly ruleId: string;
      readonly target: string;
      readonly quota: number;
      readonly granted: number;
      readonly units: number;
    }
  | {
      readonly code: 'ring-fenced-pool';
      readonly sku: string;
      readonly ruleId: string;
      readonly fenced: number;
      readonly after: number;
    }
  | {
      readonly code: 'share';
      readonly sku: string;
      readonly ruleId: string;
      readonly mode: Mode;
      readonly basisPoints: number;
      readonly pool: number;
      readonly units: number;
    }
  | { readonly code: 'no-share'; readonly sku: string; readonly ruleId: string }
  | {
      readonly code: 'even-split';
      readonly sku: string;
      readonly pool: number;
      readonly parties: number;
      readonly units: number;
    }
  | {
      readonly code: 'group-split';
      readonly sku: string;
      readonly groupUnits: number;
      readonly listings: number;
      readonly units: number;
    }
  | {
      readonly code: 'shared-remainder';
      readonly sku: string;
      readonly remainder: number;
      readonly units: number;
    }
  | {
      readonly code: 'low-stock';
      readonly sku: string;
      readonly ruleId: string;
      readonly available: number;
      readonly threshold: number;
    }
  | {
      readonly code: 'priority-fill';
      readonly sku: string;
      readonly ruleId: string;
      readonly rank: number;
      readonly target: number;
      readonly remaining: number;
      readonly units: number;
    }
  | {
      readonly code: 'channel-safety-stock';
      readonly sku: string;
      readonly ruleId: string;
      readonly before: number;
      readonly buffer: number;
      readonly after: number;
    }
  | {
      readonly code: 'location-cap';
      readonly sku: string;
      readonly before: number;
      readonly cap: number;
      readonly after: number;
    }
  | {
      readonly code: 'bundle';
      readonly sku: string;
      readonly componentUnits: number;
      readonly perBundle: number;
      readonly bundles: number;
    }
  | {
      readonly code: 'max';
      readonly ruleId: string;
      readonly before: number;
      readonly max: number;
      readonly after: number;
    }
  | {
      readonly code: 'min';
      readonly ruleId: string;
      readonly before: number;
      readonly min: number;
      readonly after: number;
    }
  | { readonly code: 'result'; readonly quantity: number };

export type TraceCode = TraceStep['code'];
