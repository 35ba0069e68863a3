import { AllocationInputError } from '../model/allocation-input.error';
import type {
  AllocationUnit,
  BundleDefinition,
  ListingInput,
  SkuStock,
} from '../model/allocation-unit.types';

/** Largest quantity the engine accepts; keeps every intermediate product below 2^53. */
export const MAX_QUANTITY = 1_000_000_000;

/**
 * The unit, checked and cross-referenced: which SKU or bundle each listing sells. Lookups are
 * linear scans: a unit is a SKU and the bundles around it, and this runs on every stock change, so
 * building maps would cost more than it saves.
 */
export interface UnitIndex {
  /** Per listing, its bundle, or null for a plain SKU listing. */
  readonly bundleOf: readonly (BundleDefinition | null)[];
  /** Per listing, the position of its SKU in `skus`, or -1 for a bundle listing. */
  readonly skuOf: readonly number[];
}

export function indexUnit(unit: AllocationUnit): UnitIndex {
  const { skus, listings } = unit;
  const bundles = unit.bundles ?? [];
  for (let position = 0; position < skus.length; position++)
    checkQuantity(skus[position].available, `skus[${position}].available`);
  for (let position = 0; position < bundles.length; position++)
    checkBundle(bundles[position], position, skus);
  const bundleOf = new Array<BundleDefinition | null>(listings.length);
  const skuOf = new Array<number>(listings.length);
  for (let position = 0; position < listings.length; position++) {
    const listing = listings[position];
    checkListing(listing, position);
    const item = listing.item;
    if ('sku' in item) {
      const sku = positionOfSku(skus, item.sku);
      if (sku === -1)
        throw new AllocationInputError(
          `listings[${position}].item.sku`,
          `"${item.sku}" is not among the unit's skus`,
        );
      skuOf[position] = sku;
      bundleOf[position] = null;
    } else {
      const bundle = bundles.find(
        (candidate) => candidate.bundleId === item.bundleId,
      );
      if (bundle === undefined)
        throw new AllocationInputError(
          `listings[${position}].item.bundleId`,
          `"${item.bundleId}" is not among the unit's bundles`,
        );
      skuOf[position] = -1;
      bundleOf[position] = bundle;
    }
  }
  return { bundleOf, skuOf };
}

/** Units of `sku` one sale of the listing consumes: 1 for the SKU itself, 0 when unrelated. */
export function unitsPerSale(
  index: UnitIndex,
  listing: number,
  skuPosition: number,
  sku: string,
): number {
  const bundle = index.bundleOf[listing];
  if (bundle === null) return index.skuOf[listing] === skuPosition ? 1 : 0;
  let units = 0;
  for (const component of bundle.components)
    if (component.componentSku === sku) units += component.quantity;
  return units;
}

/** Units of `stock` at the listing's locations; Infinity when the listing ships from anywhere. */
export function locationCapOf(
  stock: SkuStock,
  stockPosition: number,
  listing: ListingInput,
  listingPosition: number,
): number {
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

function positionOfSku(skus: readonly SkuStock[], sku: string): number {
  for (let position = 0; position < skus.length; position++)
    if (skus[position].sku === sku) return position;
  return -1;
}

function checkBundle(
  bundle: BundleDefinition,
  position: number,
  skus: readonly SkuStock[],
): void {
  if (bundle.components.length === 0)
    throw new AllocationInputError(
      `bundles[${position}].components`,
      'must list at least one component',
    );
  bundle.components.forEach((component, line) => {
    const path = `bundles[${position}].components[${line}]`;
    if (positionOfSku(skus, component.componentSku) === -1) {
      throw new AllocationInputError(
        `${path}.componentSku`,
        `"${component.componentSku}" is not among the unit's skus`,
      );
    }
    if (
      !Number.isSafeInteger(component.quantity) ||
      component.quantity < 1 ||
      component.quantity > MAX_QUANTITY
    ) {
      throw new AllocationInputError(
        `${path}.quantity`,
        'must be a whole number of at least 1',
      );
    }
  });
}

function checkListing(listing: ListingInput, position: number): void {
  const velocity = listing.velocityPerDay;
  if (velocity !== undefined && !(Number.isFinite(velocity) && velocity >= 0)) {
    throw new AllocationInputError(
      `listings[${position}].velocityPerDay`,
      'must be a number of units per day, 0 or more',
    );
  }
}

function checkQuantity(value: number, path: string): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_QUANTITY) {
    throw new AllocationInputError(
      path,
      `must be a whole number between 0 and ${MAX_QUANTITY.toLocaleString('en-US')}`,
    );
  }
}
