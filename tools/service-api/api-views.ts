// The parts of the service's answers the tools read, as JSON carries them (dates are strings).
// docs/api.md and the OpenAPI document at /api/docs-json describe them in full.

export interface AccountView {
  id: string;
  connector: string;
  displayName: string;
  baseUrl: string | null;
  stopped: boolean;
  cutoverAt: string | null;
  ordersCaughtUpAt: string | null;
  listings: { total: number; active: number; owed: number; deadLetters: number; stopped: number; inactive: number };
}

export interface ListingView {
  id: number;
  account: string;
  channelListingId: string;
  sku: string;
  active: boolean;
  stopped: boolean;
  target: number | null;
  lastPublished: number | null;
  owed: boolean;
  deadLetter: boolean;
  lastError: string | null;
}

export interface ProductView {
  code: string;
  name: string;
  jan: string | null;
  tags: string[];
  kind: 'sku' | 'bundle';
  components?: Array<{ sku: string; quantity: number }>;
}

export interface LocationView {
  code: string;
  name: string;
  kind: 'warehouse' | 'channel_held';
  sellable: boolean;
}

export interface SkuStockView {
  sku: string;
  available: number;
  /** Units channels sold beyond the stock (oversells), waiting for stock. */
  backordered: number;
  locations: Array<{ location: string; kind: 'warehouse' | 'channel_held'; sellable: boolean; onHand: number; reserved: number; available: number }>;
}

export interface ActiveRulesView {
  /** Null while no rule set was ever activated (the default shared pool applies). */
  id: number | null;
  ruleSet: unknown;
}

export interface ConnectorView {
  id: string;
  displayName: string;
  /** `required` is left out of a manifest when the credential is required. */
  credentials: Array<{ name: string; label: string; secret: boolean; required?: boolean }>;
  orderDelivery: { webhook: boolean; polling: boolean };
}

export interface Page<T> {
  items: T[];
  total?: number;
}
