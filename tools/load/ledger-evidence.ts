import type { ServiceApi } from '../service-api/service-api';
import type { SkuStockView } from '../service-api/api-views';
import { allListings } from '../demo/channel-sync-state';
import type { SaleWorld } from './sale-world';

interface MovementPage {
  items: Array<{ id: number; kind: string; sku: string; reservedDelta: number; reference: { type: string; id: string } | null; at: string }>;
  nextBefore: number | null;
}

interface PublishRecordView {
  value: number;
  version: number;
  at: string;
  latencyMs: number | null;
}

/** A SKU whose sold units in urikiri's ledger (reserved, and backordered beyond the stock) differ from the units the channels really sold. */
export interface LedgerMismatch {
  sku: string;
  ledgerReserved: number;
  ledgerBackordered: number;
  sold: number;
}

/** Every SKU's sold units in the ledger against the units the channels sold: lost or doubled orders. */
export async function ledgerMismatches(api: ServiceApi, world: SaleWorld): Promise<LedgerMismatch[]> {
  const sold = new Map<string, number>();
  for (const order of world.orders) sold.set(order.sku, (sold.get(order.sku) ?? 0) + order.quantity);
  const mismatches: LedgerMismatch[] = [];
  for (const product of world.products) {
    const stock = await api.get<SkuStockView>(`/stock/${encodeURIComponent(product.code)}`);
    const reserved = stock.locations.reduce((sum, l) => sum + l.reserved, 0);
    // A unit a channel sold beyond the stock is held as a backorder (an oversell), not a reservation.
    if (reserved + stock.backordered !== (sold.get(product.code) ?? 0)) {
      mismatches.push({ sku: product.code, ledgerReserved: reserved, ledgerBackordered: stock.backordered, sold: sold.get(product.code) ?? 0 });
    }
  }
  return mismatches;
}

/** Reservation movements since `since`, oldest first: when the ledger learnt of each sold unit. */
export async function reservationsSince(api: ServiceApi, since: number): Promise<MovementPage['items']> {
  const items: MovementPage['items'] = [];
  let before: number | null = null;
  for (;;) {
    const query = new URLSearchParams({ kind: 'reservation', from: new Date(since).toISOString(), limit: '1000' });
    if (before !== null) query.set('before', String(before));
    const page: MovementPage = await api.get<MovementPage>(`/movements?${query.toString()}`);
    items.push(...page.items);
    if (page.nextBefore === null) return items.reverse();
    before = page.nextBefore;
  }
}

/** Every push acknowledged since `since`, per account: its latency from the ledger change it carried. */
export async function pushLatenciesSince(api: ServiceApi, since: number): Promise<Map<string, number[]>> {
  const byAccount = new Map<string, number[]>();
  for (const listing of await allListings(api)) {
    const history = await api.get<{ items: PublishRecordView[] }>(`/channels/listings/${listing.id}/history?limit=1000`);
    const latencies = byAccount.get(listing.account) ?? [];
    for (const record of history.items) if (Date.parse(record.at) >= since && record.latencyMs !== null) latencies.push(record.latencyMs);
    byAccount.set(listing.account, latencies);
  }
  return byAccount;
}

interface ReplayReportView {
  consistent: boolean;
  movementsReplayed: number;
  mismatches: unknown[];
}

/** The ledger's own check (POST /admin/replay/verify): every stock level equals its movements replayed. */
export async function snapshotMatchesReplay(api: ServiceApi): Promise<{ consistent: boolean; movementsReplayed: number; mismatches: unknown[] }> {
  const report = await api.post<ReplayReportView>('/admin/replay/verify');
  return { consistent: report.consistent, movementsReplayed: report.movementsReplayed, mismatches: report.mismatches.slice(0, 5) };
}
