/** The API's answers as the dashboard reads them (see docs/api.md). */

export interface SessionView {
  name: string;
  prefix: string;
  scopes: Array<'read' | 'write' | 'admin'>;
}

export interface FieldIssue {
  path: string;
  message: string;
  row?: number;
  column?: string;
}

export interface ErrorBody {
  statusCode: number;
  code?: string;
  message?: string;
  issues?: FieldIssue[];
}

/** One finding of the rule engine's risk assessment, worded by the server in the language asked for. */
export interface RiskView {
  code: string;
  severity: 'high' | 'warning' | 'info';
  message: string;
}

export interface StockOverviewRow {
  sku: string;
  name: string;
  kind: 'sku' | 'bundle';
  onHand: number;
  reserved: number;
  available: number;
  lowStock: boolean;
  atRisk: boolean;
  /** Only the high and warning risks: what puts the stock itself at risk. */
  risks: RiskView[];
  listings: { total: number; owed: number; deadLetters: number; drifting: number };
}

export interface StockOverview {
  items: StockOverviewRow[];
  total: number;
  lowStockThreshold: number;
}

export interface LocationStock {
  location: string;
  kind: 'warehouse' | 'channel_held';
  sellable: boolean;
  onHand: number;
  reserved: number;
  available: number;
}

export interface SkuStock {
  sku: string;
  kind: 'sku' | 'bundle';
  onHand: number;
  reserved: number;
  available: number;
  backordered: number;
  locations: LocationStock[];
  components?: Array<{ sku: string; quantity: number; available: number }>;
}

export interface ListingView {
  id: number;
  account: string;
  channelListingId: string;
  sku: string;
  active: boolean;
  inactiveReason: string | null;
  stopped: boolean;
  target: number | null;
  targetVersion: number;
  lastPublished: number | null;
  publishedVersion: number;
  lastPublishedAt: string | null;
  owed: boolean;
  lagMs: number | null;
  failures: number;
  deadLetter: boolean;
  lastError: string | null;
  retryAfter: string | null;
  why: string[];
}

export interface PublishView {
  value: number;
  version: number;
  at: string;
  latencyMs: number | null;
  why: string[];
}

export interface AccountView {
  id: string;
  connector: string;
  displayName: string;
  stopped: boolean;
  stoppedReason: string | null;
  cutoverAt: string | null;
  ordersCaughtUpAt: string | null;
  createdAt: string;
  listings: { total: number; active: number; owed: number; deadLetters: number; stopped: number; inactive: number };
  unmappedOrderLines: number;
}

export interface ReconciliationRun {
  id: number;
  accountId: string;
  repairRequested: boolean;
  startedAt: string;
  finishedAt: string | null;
  checked: number;
  drifted: number;
  repaired: number;
  notFound: number;
  skippedReason: string | null;
}

export interface UnmappedLine {
  orderId: string;
  lineId: string;
  channelListingId: string;
  quantity: number;
  cancelled: number;
  shipped: number;
  firstSeenAt: string;
}

export interface DiscoveryReport {
  matched: unknown[];
  unmatched: Array<{ channelListingId: string; reason: string }>;
  warnings: Array<{ listingId: string; setting: string; message: string; fix: string }>;
  warningsError?: string | null;
}

export type LatencyMetric = 'ingest' | 'push' | 'end_to_end';

export interface SyncMetrics {
  latency: Array<{ metric: LatencyMetric; account: string; channel: string; count: number; sumMs: number; p50Ms: number | null; p95Ms: number | null; p99Ms: number | null }>;
  counters: Array<{ metric: string; account: string; channel: string; value: number }>;
  queues?: Array<{ queue: string; jobs: Record<string, number> }>;
}

export interface RulePreview {
  sku: string | null;
  at: string;
  ruleSetVersion: number;
  ruleSet: unknown;
  stock: Array<{ sku: string; available: number }>;
  listings: Array<{
    listingId: number;
    account: string;
    channel: string;
    channelListingId: string | null;
    active: boolean;
    quantity: number;
    currentTarget: number | null;
    lastPublished: number | null;
    explanation: string[];
  }>;
  decisions: Array<{ code: string; decidedBy: Record<string, string | null> }>;
  risks: RiskView[];
}

export interface ActiveRules {
  id: number | null;
  activatedAt: string | null;
  ruleSet: unknown;
}

export interface Spread {
  mean: number;
  p5: number;
  p50: number;
  p95: number;
}

export interface PolicySummary {
  name: string;
  runs: number;
  sold: Spread;
  turnedAway: Spread;
  lost: Spread;
  oversold: Spread;
  leftover: Spread;
  cost: Spread;
  shownByHour: Array<{ channel: string; p10: number[]; p50: number[]; p90: number[] }>;
  physicalByHour: { p10: number[]; p50: number[]; p90: number[] };
}

export interface SimulationReport {
  runs: number;
  window: { from: string; to: string; hours: number };
  channels: string[];
  skus: number;
  policies: PolicySummary[];
  recommendations: {
    allocation: { sync: string; best: { label: string; expectedCost: number; meanLost: number; meanOversold: number; ruleSet: unknown } };
  };
}

export interface SimulationJob {
  id: string;
  state: 'waiting' | 'active' | 'completed' | 'failed';
  progress: { percent: number; stage: string | null; runsDone: number; runsTotal: number | null };
  submittedAt: string;
  error: string | null;
  report: SimulationReport | null;
}

export type LiveEvent =
  | { type: 'movement'; id: number; sku: string; kind: string; onHandDelta: number; reservedDelta: number; at: string }
  | { type: 'publish'; id: number; listingId: number; account: string; sku: string; value: number; latencyMs: number | null; at: string }
  | { type: 'listings'; owed: number; deadLetters: number; drifting: number };
