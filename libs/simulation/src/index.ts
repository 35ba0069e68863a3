// Inputs: CSV imports (errors name row and column) and the plan (errors name the field path).
export {
  CAMPAIGN_KINDS,
  parseCampaignsCsv,
  parseInboundCsv,
  parseSalesHistoryCsv,
  parseStockCsv,
} from './lib/input/import-formats';
export type {
  CampaignKind,
  CampaignRow,
  InboundRow,
  SalesRow,
  StockRow,
} from './lib/input/import-formats';
export type { CsvIssue, CsvParseResult, PlanIssue } from './lib/input/input-issue';
export { parsePlan, validatePlan } from './lib/input/plan.parser';
export type { Plan, PlanParseResult, PlanPolicy } from './lib/input/plan.parser';
export type { ChannelBehaviour, PlanStock, Promotion, SyncSpec } from './lib/input/plan.schema';
export { stockRowsToPlanStock } from './lib/input/stock-rows';

// Forecasting and its backtest.
export { buildDemandSeries } from './lib/forecast/demand-series.builder';
export type { DemandSeries, Granularity } from './lib/forecast/demand-series';
export { classifyDemand } from './lib/forecast/demand-classifier';
export type { DemandClassification, DemandPattern } from './lib/forecast/demand-classifier';
export { forecastBaseline } from './lib/forecast/baseline.forecaster';
export type { BaselineForecast } from './lib/forecast/baseline.forecaster';
export type { ForecastFit, ForecastMethod } from './lib/forecast/forecast-fit';
export { seasonPeriodFor } from './lib/forecast/season-period';
export { backtest } from './lib/forecast/rolling-origin.backtest';
export type { BacktestOptions, BacktestSummary, SeriesBacktest } from './lib/forecast/rolling-origin.backtest';
export { estimateUplifts, upliftFor } from './lib/forecast/uplift.estimator';
export type { ChannelKindUplift, SkuUplift } from './lib/forecast/uplift.estimator';

// Simulation: the one entry the service and the CLI call, and the engine for worker threads.
export { runSimulation, conserves } from './lib/report/run-simulation';
export type { RunSimulationOptions } from './lib/report/run-simulation';
export type { SimulationProgress, SimulationReport, SimulationStage } from './lib/report/simulation-report';
export type { SeriesReport } from './lib/report/forecast-section';
// report.html: one self-contained page, written by the CLI and served by the core API.
export { renderReportHtml } from './lib/html/report-html.writer';
export { prepareScenario } from './lib/scenario/scenario.builder';
export type { PreparedScenario, SimulationInput } from './lib/scenario/scenario.builder';
export { simulateRuns, windowHours } from './lib/engine/monte-carlo.runner';
export type { RunMetrics } from './lib/engine/run-metrics';
export { summarisePolicy } from './lib/engine/policy-summary';
export type { PolicySummary, SkuRisk } from './lib/engine/policy-summary';
export type { Spread } from './lib/engine/percentiles';
export type { PolicySpec, Scenario, SkuScenario } from './lib/engine/scenario.types';
export { buildRegularShape, buildPromotionShape, tokyoDayStarts, SLOT_MS, DEFAULT_INTRADAY_PROFILE } from './lib/engine/time-shape.builder';

// Recommendations.
export { criticalRatio, newsvendorQuantity } from './lib/recommend/newsvendor';
export type { AllocationSearchResult } from './lib/recommend/allocation-search';
export type { AtRiskSku, Replenishment } from './lib/recommend/replenishment.planner';
