import type { ChannelKindUplift } from '../forecast/uplift.estimator';
import type { PolicySummary } from '../engine/policy-summary';
import type { AllocationSearchResult } from '../recommend/allocation-search';
import type { AtRiskSku, Replenishment } from '../recommend/replenishment.planner';
import type { SeriesReport } from './forecast-section';

/** Everything `runSimulation` reports; plain JSON, identical for the same input and seed. */
export interface SimulationReport {
  readonly seed: number;
  readonly runs: number;
  readonly asOf: string;
  readonly window: { readonly from: string; readonly to: string; readonly hours: number };
  readonly channels: readonly string[];
  readonly skus: number;
  readonly forecast: {
    readonly seasonPeriod: number;
    readonly series: readonly SeriesReport[];
    readonly uplifts: readonly ChannelKindUplift[];
  };
  readonly policies: readonly PolicySummary[];
  readonly recommendations: {
    readonly allocation: AllocationSearchResult;
    /** underage / (underage + overage), or the plan's service level. */
    readonly criticalRatio: number;
    readonly replenishment: readonly Replenishment[];
    readonly atRisk: readonly AtRiskSku[];
  };
  readonly checks: {
    /** initial + inbound = sold + leftover in every run of every policy. */
    readonly unitsConserved: boolean;
    readonly allocationsPerRun: number;
  };
}

export type SimulationStage = 'forecast' | 'simulate' | 'search';

export interface SimulationProgress {
  readonly stage: SimulationStage;
  readonly done: number;
  readonly total: number;
}
