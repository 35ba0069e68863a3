import { allocateUnit, compileRuleSet, parseRuleSet, type AllocationUnit } from '@urikiri/allocation';
import type { AccountView, ActiveRulesView, ListingView, Page, ProductView, SkuStockView } from '../../service-api/api-views';
import type { ServiceApi } from '../../service-api/service-api';
import { allocationUnitOf, DEMO_SKUS } from '../demo-catalogue';

/**
 * What every listing should show according to the rule set in force, applied by the rule engine
 * itself to the ledger's stock as the API reports it (sellable warehouses only): an account of the
 * rules made independently of the service's planner and of what was pushed. Keyed by
 * `<account> <channel listing id>`.
 */
export async function quantitiesTheRulesSay(api: ServiceApi, now = new Date()): Promise<Map<string, number>> {
  const rules = await api.get<ActiveRulesView>('/rules');
  const parsed = parseRuleSet(JSON.stringify(rules.ruleSet), { format: 'json' });
  if (!parsed.ok) throw new Error(`the rule set in force does not parse: ${JSON.stringify(parsed.issues)}`);
  const ruleSet = compileRuleSet(parsed.ruleSet);
  const connectorOf = new Map((await api.get<AccountView[]>('/channels/accounts')).map((a) => [a.id, a.connector]));
  const listings = (await api.get<Page<ListingView>>('/channels/listings?limit=1000')).items;
  const products = new Map<string, ProductView>();
  for (const p of (await api.get<Page<ProductView>>('/products?limit=500')).items) products.set(p.code, p.kind === 'bundle' ? await api.get<ProductView>(`/products/${p.code}`) : p);
  const stock = new Map<string, SkuStockView>();
  for (const sku of DEMO_SKUS) stock.set(sku.code, await api.get<SkuStockView>(`/stock/${sku.code}`));

  const expected = new Map<string, number>();
  const done = new Set<string>();
  for (const code of products.keys()) {
    if (done.has(code)) continue;
    const unitCodes = allocationUnitOf(code);
    unitCodes.forEach((c) => done.add(c));
    const unitListings = listings.filter((l) => unitCodes.includes(l.sku));
    const unit: AllocationUnit = {
      skus: unitCodes
        .filter((c) => products.get(c)?.kind === 'sku')
        .map((c) => {
          const sellable = (stock.get(c)?.locations ?? []).filter((l) => l.kind === 'warehouse' && l.sellable);
          return {
            sku: c,
            available: sellable.reduce((sum, l) => sum + l.onHand - l.reserved, 0),
            byLocation: Object.fromEntries(sellable.map((l) => [l.location, l.onHand - l.reserved])),
            tags: products.get(c)?.tags ?? [],
          };
        }),
      bundles: unitCodes
        .filter((c) => products.get(c)?.kind === 'bundle')
        .map((c) => ({
          bundleId: c,
          components: (products.get(c)?.components ?? []).map((k) => ({ componentSku: k.sku, quantity: k.quantity })),
          tags: products.get(c)?.tags ?? [],
        })),
      listings: unitListings.map((l) => ({
        listingId: String(l.id),
        channel: connectorOf.get(l.account) as string,
        account: l.account,
        item: products.get(l.sku)?.kind === 'bundle' ? { bundleId: l.sku } : { sku: l.sku },
        active: l.active,
      })),
    };
    if (unit.listings.length === 0) continue;
    for (const allocation of allocateUnit(ruleSet, unit, { now }).listings) {
      const listing = unitListings.find((l) => String(l.id) === allocation.listingId) as ListingView;
      expected.set(`${listing.account} ${listing.channelListingId}`, allocation.quantity);
    }
  }
  return expected;
}
