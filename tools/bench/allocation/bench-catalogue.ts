import type { AllocationUnit, ListingInput } from '@urikiri/allocation';

export const CHANNELS = [
  'rakuten',
  'amazon',
  'yahoo',
  'shopify',
  'qoo10',
] as const;
const CATEGORIES = [
  'apparel',
  'food',
  'cosmetics',
  'home',
  'toys',
  'books',
  'sports',
  'garden',
];
const TAGS = [
  'clearance',
  'new-arrival',
  'fragile',
  'heavy',
  'super-sale',
  'prime-event',
];

/** Deterministic pseudo-random numbers (mulberry32), so every run allocates the same catalogue. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Catalogue {
  readonly units: readonly AllocationUnit[];
  readonly skus: number;
  readonly listings: number;
}

/**
 * `skuCount` SKUs, `bundledShare` of them paired into two-component bundles (one allocation unit
 * per bundle and its two components), every SKU and bundle listed once on each channel.
 */
export function buildCatalogue(
  skuCount: number,
  bundledShare: number,
  seed: number,
): Catalogue {
  const random = randomSource(seed);
  const pick = <T>(values: readonly T[]): T =>
    values[Math.floor(random() * values.length)];
  const skuCode = (n: number) => `SKU-${String(n).padStart(6, '0')}`;
  const stockOf = (n: number) => ({
    sku: skuCode(n),
    available:
      random() < 0.15 ? Math.floor(random() * 10) : Math.floor(random() * 400),
    category: pick(CATEGORIES),
    tags: random() < 0.5 ? [pick(TAGS)] : [pick(TAGS), pick(TAGS)],
  });
  const listingsOf = (
    code: string,
    item: ListingInput['item'],
  ): ListingInput[] =>
    CHANNELS.map((channel) => ({
      listingId: `${channel}:${code}`,
      channel,
      account: 'main',
      item,
      active: random() > 0.03,
      velocityPerDay: Math.floor(random() * 40) / 4,
    }));

  const units: AllocationUnit[] = [];
  let listings = 0;
  const bundledSkus = Math.floor(skuCount * bundledShare);
  for (let n = 1; n <= bundledSkus; n += 2) {
    const first = stockOf(n);
    const second = stockOf(n + 1);
    const bundleId = `SET-${String(n).padStart(6, '0')}`;
    const unitListings = [
      ...listingsOf(first.sku, { sku: first.sku }),
      ...listingsOf(second.sku, { sku: second.sku }),
      ...listingsOf(bundleId, { bundleId }),
    ];
    units.push({
      skus: [first, second],
      bundles: [
        {
          bundleId,
          tags: ['bundle'],
          components: [
            { componentSku: first.sku, quantity: 1 },
            {
              componentSku: second.sku,
              quantity: 1 + Math.floor(random() * 2),
            },
          ],
        },
      ],
      listings: unitListings,
    });
    listings += unitListings.length;
  }
  for (let n = bundledSkus + 1; n <= skuCount; n++) {
    const stock = stockOf(n);
    const unitListings = listingsOf(stock.sku, { sku: stock.sku });
    units.push({ skus: [stock], listings: unitListings });
    listings += unitListings.length;
  }
  return { units, skus: skuCount, listings };
}
