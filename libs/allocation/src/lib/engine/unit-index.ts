import { AllocationInputError } from '../model/allocation-input.error';
import type { AllocationUnit, BundleDefinition, ListingInput, SkuStock } from '../model/allocation-unit.types';

/** Largest quantity the engine accepts; keeps every intermediate product below 2^53. */
export const MAX_QUANTITY = 1_000_000_000;

export interface ListingDemand {
  readonly listing: number;
  readonly perUnit: number;
}

/** The unit, checked and cross-referenced: which listings draw on which SKU, and how much. */
export interface UnitIndex {
  /** Per SKU (input order), the listings that consume it. */
  readonly demandsBySku: readonly ListingDemand[][];
  /** Per listing, its bundle, or null for a plain SKU listing. */
  readonly bundleOf: readonly (BundleDefinition | null)[];
  /** Per listing, index of its SKU in `skus`, or -1 for a bundle listing. */
  readonly skuOf: readonly number[];
}

export function indexUnit(unit: AllocationUnit): UnitIndex {
  const skuPosition = new Map<string, number>();
  unit.skus.forEach((stock, position) => {
    checkQuantity(stock.available, `skus[${position}].available`);
    skuPosition.set(stock.sku, position);
  });
  const bundles = new Map<string, BundleDefinition>();
  (unit.bundles ?? []).forEach((bundle, position) => {
    if (bundle.components.length === 0) throw new AllocationInputError(`bundles[${position}].components`, 'must list at least one component');
    bundle.components.forEach((component, line) => {
      const path = `bundles[${position}].components[${line}]`;
      if (!skuPosition.has(component.componentSku)) {
        throw new AllocationInputError(`${path}.componentSku`, `"${component.componentSku}" is not among the unit's skus`);
      }
      if (!Number.isSafeInteger(component.quantity) || component.quantity < 1) {
        throw new AllocationInputError(`${path}.quantity`, 'must be a whole number of at least 1');
      }
    });
    bundles.set(bundle.bundleId, bundle);
  });
  const demandsBySku: ListingDemand[][] = unit.skus.map(() => []);
  const bundleOf: (BundleDefinition | null)[] = [];
  const skuOf: number[] = [];
  unit.listings.forEach((listing, position) => {
    checkListing(listing, position);
    if ('sku' in listing.item) {
      const sku = skuPosition.get(listing.item.sku);
      if (sku === undefined) throw new AllocationInputError(`listings[${position}].item.sku`, `"${listing.item.sku}" is not among the unit's skus`);
      demandsBySku[sku].push({ listing: position, perUnit: 1 });
      bundleOf.push(null);
      skuOf.push(sku);
      return;
    }
    const bundle = bundles.get(listing.item.bundleId);
    if (bundle === undefined) {
      throw new AllocationInputError(`listings[${position}].item.bundleId`, `"${listing.item.bundleId}" is not among the unit's bundles`);
    }
    for (const component of bundle.components) {
      demandsBySku[skuPosition.get(component.componentSku) ?? 0].push({ listing: position, perUnit: component.quantity });
    }
    bundleOf.push(bundle);
    skuOf.push(-1);
  });
  return { demandsBySku, bundleOf, skuOf };
}

/** Units of `stock` at the listing's locations; Infinity when the listing ships from anywhere. */
export function locationCapOf(stock: SkuStock, stockPosition: number, listing: ListingInput, listingPosition: number): number {
  if (listing.locations === undefined) return Infinity;
  if (stock.byLocation === undefined) {
    throw new AllocationInputError(
      `skus[${stockPosition}].byLocation`,
      `is required because listing ${listing.listingId} (listings[${listingPosition}]) ships from specific locations`,
    );
  }
  let units = 0;
  for (const location of listing.locations) {
    const atLocation = stock.byLocation[location] ?? 0;
    checkQuantity(atLocation, `skus[${stockPosition}].byLocation.${location}`);
    units += atLocation;
  }
  return Math.min(units, stock.available);
}

function checkListing(listing: ListingInput, position: number): void {
  const velocity = listing.velocityPerDay;
  if (velocity !== undefined && !(Number.isFinite(velocity) && velocity >= 0)) {
    throw new AllocationInputError(`listings[${position}].velocityPerDay`, 'must be a number of units per day, 0 or more');
  }
}

function checkQuantity(value: number, path: string): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_QUANTITY) {
    throw new AllocationInputError(path, `must be a whole number between 0 and ${MAX_QUANTITY.toLocaleString('en-US')}`);
  }
}
