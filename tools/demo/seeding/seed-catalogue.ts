import { stringify } from 'csv-stringify/sync';
import type { ServiceApi } from '../../service-api/service-api';
import type { LocationView, Page, ProductView } from '../../service-api/api-views';
import { DEMO_BUNDLES, DEMO_LOCATIONS, DEMO_OPENING_STOCK, DEMO_SKUS } from '../demo-catalogue';

export interface CatalogueReport {
  locations: number;
  skus: number;
  bundles: number;
}

const csv = (rows: unknown[][]) => stringify(rows);

/**
 * Warehouses, SKUs, bundles and opening stock, each created only where missing, so a later start
 * (or a start after an interrupted one) completes the catalogue without touching what exists.
 * Opening stock is one CSV file whose rows the ledger receives under keys made of the file and the
 * row: importing the same file again receives nothing twice.
 */
export async function seedCatalogue(api: ServiceApi): Promise<CatalogueReport> {
  const locations = new Set((await api.get<LocationView[]>('/locations')).map((l) => l.code));
  const newLocations = DEMO_LOCATIONS.filter((l) => !locations.has(l.code));
  if (newLocations.length > 0) {
    await api.postCsv('/csv/locations', csv([['code', 'name', 'kind', 'sellable', 'priority'], ...newLocations.map((l) => [l.code, l.name, 'warehouse', String(l.sellable), String(l.priority)])]));
  }

  const products = new Set((await api.get<Page<ProductView>>('/products?limit=500')).items.map((p) => p.code));
  const newSkus = DEMO_SKUS.filter((p) => !products.has(p.code));
  if (newSkus.length > 0) {
    await api.postCsv('/csv/products', csv([['code', 'name', 'jan', 'tags'], ...newSkus.map((p) => [p.code, p.name, p.jan, p.tags.join('|')])]));
  }

  // The bundle CSV has no JAN or tag columns; the bundle route takes both.
  const newBundles = DEMO_BUNDLES.filter((p) => !products.has(p.code));
  for (const bundle of newBundles) {
    await api.post('/bundles', { code: bundle.code, name: bundle.name, jan: bundle.jan, tags: bundle.tags, components: bundle.components });
  }

  await api.postCsv('/csv/stock', csv([['sku', 'location', 'quantity'], ...DEMO_OPENING_STOCK.map((s) => [s.sku, s.location, String(s.quantity)])]));
  return { locations: newLocations.length, skus: newSkus.length, bundles: newBundles.length };
}
