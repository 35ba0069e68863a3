import { parseCsvTable } from './csv-table.parser';
import {
  channelColumn,
  choiceColumn,
  flagColumn,
  instantColumn,
  listColumn,
  optionalNumberColumn,
  textColumn,
  wholeNumberColumn,
} from './csv-columns';
import type { CsvParseResult } from './input-issue';

/**
 * The CSV import formats. Dates without a zone are Asia/Tokyo. A history row is one day's (or one
 * week's) sales of a SKU on a channel; a campaign row is one channel's part of a campaign.
 */

export interface SalesRow {
  /** Start of the day (or week) the row covers, epoch milliseconds. */
  readonly date: number;
  readonly channel: string;
  readonly sku: string;
  readonly quantity: number;
  readonly price: number | undefined;
  /** The campaign the sales belong to, if any; its window is masked out of the baseline. */
  readonly campaign_id: string;
  /** True when the row was sold under some promotion not listed as a campaign. */
  readonly promo: boolean;
}

export const CAMPAIGN_KINDS = [
  'mall-wide-sale',
  'coupon',
  'newsletter',
  'sns',
  'ads',
] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

export interface CampaignRow {
  readonly campaign_id: string;
  readonly channel: string;
  readonly kind: CampaignKind;
  readonly from: number;
  /** Exclusive end. */
  readonly to: number;
  readonly discount: number | undefined;
}

export interface StockRow {
  readonly sku: string;
  readonly on_hand: number;
  readonly lead_time_days: number;
  readonly category: string;
  readonly tags: readonly string[];
}

export interface InboundRow {
  readonly sku: string;
  readonly quantity: number;
  readonly arrival: number;
}

export function parseSalesHistoryCsv(text: string): CsvParseResult<SalesRow> {
  return parseCsvTable<SalesRow>(text, {
    date: instantColumn,
    channel: channelColumn,
    sku: textColumn(true),
    quantity: wholeNumberColumn(true, 'units'),
    price: optionalNumberColumn('yen per unit'),
    campaign_id: textColumn(false),
    promo: flagColumn,
  });
}

export function parseCampaignsCsv(text: string): CsvParseResult<CampaignRow> {
  const parsed = parseCsvTable<CampaignRow>(text, {
    campaign_id: textColumn(true),
    channel: channelColumn,
    kind: choiceColumn(CAMPAIGN_KINDS),
    from: instantColumn,
    to: instantColumn,
    discount: optionalNumberColumn('percent'),
  });
  if (!parsed.ok) return parsed;
  const issues = parsed.rows.flatMap((row, index) =>
    row.to > row.from
      ? []
      : [{ row: index + 2, column: 'to', reason: 'must be later than from' }],
  );
  return issues.length > 0 ? { ok: false, issues } : parsed;
}

export function parseStockCsv(text: string): CsvParseResult<StockRow> {
  return parseCsvTable<StockRow>(text, {
    sku: textColumn(true),
    on_hand: wholeNumberColumn(true, 'units'),
    lead_time_days: wholeNumberColumn(true, 'days'),
    category: textColumn(false),
    tags: listColumn,
  });
}

export function parseInboundCsv(text: string): CsvParseResult<InboundRow> {
  return parseCsvTable<InboundRow>(text, {
    sku: textColumn(true),
    quantity: wholeNumberColumn(true, 'units'),
    arrival: instantColumn,
  });
}
