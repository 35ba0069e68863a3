import { stringify } from 'csv-stringify/sync';
import type { ServiceApi } from '../../service-api/service-api';
import { DEMO_PRODUCTS } from '../demo-catalogue';
import type { DemoSandbox } from '../sandboxes/demo-sandbox';

interface ListingImportReport {
  created: number;
  changed: number;
  unchanged: number;
}

/** The listings file: every demo SKU and bundle on every channel, under the channel's own item id. */
export function demoListingsCsv(sandboxes: readonly DemoSandbox[]): string {
  const rows = sandboxes.flatMap((sandbox) => DEMO_PRODUCTS.map((p) => [sandbox.account.id, p.listings[sandbox.channel], p.code]));
  return stringify([['account', 'channel_listing_id', 'sku'], ...rows]);
}

/**
 * Maps the channel items to our SKUs and bundles through the listing import. The import is all or
 * nothing and idempotent: on later starts the same file reports every row unchanged.
 */
export async function seedListings(api: ServiceApi, sandboxes: readonly DemoSandbox[]): Promise<ListingImportReport> {
  return api.postCsv<ListingImportReport>('/channels/listings/import', demoListingsCsv(sandboxes));
}
