import { IdempotencyStore, type FaultInjector } from '@urikiri/connector-sdk/testing';
import type { Clock } from '@urikiri/connector-sdk';
import { SHOPIFY_MAX_NODES_PER_QUERY, SHOPIFY_MAX_QUANTITIES_PER_SET } from '../shopify-api.constants';
import { SHOPIFY_OPERATIONS } from '../shopify-graphql.documents';
import { gid, gidNumber } from '../shopify-listing-id';
import type {
  ShopifyInventoryLevelNode,
  ShopifyItemSettingsData,
  ShopifyLocationLevelsData,
  ShopifyLocationsData,
  ShopifyOrdersData,
  ShopifyReadLevelsData,
  ShopifySetQuantitiesData,
  ShopifyUserError,
} from '../shopify-wire.types';
import type { RecognisedCall } from './shopify-graphql.recognizer';
import { orderLineLocations, variantItems } from './shopify-line-lookups.resolver';
import { graphqlOrder } from './shopify-order.presenter';
import { invalid, pageSize, type Resolution } from './shopify-resolution';
import { variantNumOf, type ShopifyShop } from './shopify-shop.model';

type SetPayload = ShopifySetQuantitiesData['inventorySetQuantities'];

/** Shopify's largest inventory quantity. */
const MAX_QUANTITY = 1_000_000_000;
const REASONS = new Set([
  'correction',
  'cycle_count_available',
  'damaged',
  'movement_created',
  'movement_updated',
  'movement_received',
  'movement_canceled',
  'other',
  'promotion',
  'quality_control',
  'received',
  'reservation_created',
  'reservation_deleted',
  'reservation_updated',
  'restock',
  'safety_stock',
  'shrinkage',
]);

/** Opaque page cursors, as Shopify's are: here the position after which the next page starts. */
const encodeCursor = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64');
function decodeCursor<T>(value: unknown): T | null {
  if (typeof value !== 'string') {
    return null;
  }
  try {
    return JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as T;
  } catch {
    return null;
  }
}

function levelNumbers(id: unknown): { item: string; location: string } | null {
  const found = typeof id === 'string' ? /^gid:\/\/shopify\/InventoryLevel\/(\d+)\?inventory_item_id=(\d+)$/.exec(id) : null;
  return found ? { location: found[1], item: found[2] } : null;
}

export interface ShopifyResolverOptions {
  shop: ShopifyShop;
  faults: FaultInjector;
  clock: Clock;
}

/** Answers the connector's GraphQL operations from the shop, with Shopify's payload shapes and user errors. */
export class ShopifyGraphqlResolver {
  private readonly writes = new IdempotencyStore<SetPayload>();

  constructor(private readonly options: ShopifyResolverOptions) {}

  resolve(call: RecognisedCall): Resolution {
    const v = call.variables;
    switch (call.name) {
      case SHOPIFY_OPERATIONS.setQuantities:
        return this.setQuantities(v);
      case SHOPIFY_OPERATIONS.readLevels:
        return this.readLevels(v);
      case SHOPIFY_OPERATIONS.itemSettings:
        return this.itemSettings(v);
      case SHOPIFY_OPERATIONS.listLocations:
        return this.listLocations(v);
      case SHOPIFY_OPERATIONS.locationLevels:
        return this.locationLevels(v);
      case SHOPIFY_OPERATIONS.orderChanges:
        return this.orderChanges(v);
      case SHOPIFY_OPERATIONS.variantItems:
        return variantItems(this.options.shop, v);
      case SHOPIFY_OPERATIONS.orderLineLocations:
        return orderLineLocations(this.options.shop, v);
    }
  }

  private setQuantities(v: Record<string, unknown>): Resolution {
    const key = v.idempotencyKey;
    if (typeof key !== 'string' || key === '') {
      return invalid('idempotencyKey: @idempotent(key:) needs a non-empty string');
    }
    const input = v.input as { name?: unknown; reason?: unknown; quantities?: unknown } | undefined;
    const quantities = input?.quantities;
    if (!Array.isArray(quantities) || quantities.length < 1 || quantities.length > SHOPIFY_MAX_QUANTITIES_PER_SET) {
      return invalid(`input.quantities: between 1 and ${SHOPIFY_MAX_QUANTITIES_PER_SET} quantities per call`);
    }
    const bad = quantities.findIndex(
      (q: Record<string, unknown>) =>
        typeof q?.inventoryItemId !== 'string' ||
        typeof q.locationId !== 'string' ||
        !Number.isInteger(q.quantity) ||
        !('changeFromQuantity' in q) ||
        !(q.changeFromQuantity === null || Number.isInteger(q.changeFromQuantity)),
    );
    if (bad >= 0) {
      return invalid(
        `input.quantities[${bad}]: needs inventoryItemId, locationId, an integer quantity and changeFromQuantity ` +
          '(an integer, or null to skip the check: required since 2026-04)',
      );
    }
    const payload = this.writes.once(key, () =>
      this.applySet(String(input?.name), String(input?.reason), quantities as Record<string, unknown>[]),
    );
    return { kind: 'data', data: { inventorySetQuantities: payload }, itemCount: quantities.length, returned: 0 };
  }

  /** All or nothing, as Shopify does: one refused quantity and nothing of the call is applied. */
  private applySet(name: string, reason: string, quantities: Record<string, unknown>[]): SetPayload {
    const { shop, faults } = this.options;
    const errors: ShopifyUserError[] = [];
    const field = (i: number, f: string) => ['input', 'quantities', String(i), f];
    if (name !== 'available') {
      errors.push({ code: 'INVALID_NAME', field: ['input', 'name'], message: 'The quantity name must be available.' });
    }
    if (!REASONS.has(reason)) {
      errors.push({ code: 'INVALID_REASON', field: ['input', 'reason'], message: `The reason ${reason} is not valid.` });
    }
    const targets = quantities.map((q, i) => {
      const item = gidNumber(String(q.inventoryItemId), 'InventoryItem');
      const location = gidNumber(String(q.locationId), 'Location');
      const listingId = `${item}@${location}`;
      const quantity = q.quantity as number;
      const injected = faults.itemFailure('push', listingId);
      if (injected !== null) {
        errors.push({ code: injected, field: field(i, 'inventoryItemId'), message: 'Refused by the sandbox fault plan.' });
      } else if (item === null || !shop.listings().some((l) => l.listingId.startsWith(`${item}@`))) {
        errors.push({ code: 'INVALID_INVENTORY_ITEM', field: field(i, 'inventoryItemId'), message: 'The specified inventory item could not be found.' });
      } else if (location === null || !shop.locationNums().includes(location)) {
        errors.push({ code: 'INVALID_LOCATION', field: field(i, 'locationId'), message: 'The specified location could not be found.' });
      } else if (!shop.listing(listingId)) {
        errors.push({ code: 'ITEM_NOT_STOCKED_AT_LOCATION', field: field(i, 'locationId'), message: 'The specified inventory item is not stocked at the location.' });
      } else if (quantity < 0) {
        errors.push({ code: 'INVALID_QUANTITY_NEGATIVE', field: field(i, 'quantity'), message: 'The quantity can\'t be negative.' });
      } else if (quantity > MAX_QUANTITY) {
        errors.push({ code: 'INVALID_QUANTITY_TOO_HIGH', field: field(i, 'quantity'), message: `The quantity can't be higher than ${MAX_QUANTITY}.` });
      } else if (q.changeFromQuantity !== null && shop.quantity(listingId) !== q.changeFromQuantity) {
        errors.push({
          code: 'CHANGE_FROM_QUANTITY_STALE',
          field: field(i, 'changeFromQuantity'),
          message: 'The specified changeFromQuantity does not match the current quantity.',
        });
      }
      return { listingId, item: item ?? '', location: location ?? '', quantity };
    });
    if (errors.length > 0) {
      return { inventoryAdjustmentGroup: null, userErrors: errors };
    }
    const changes = targets.map((t) => {
      const before = shop.quantity(t.listingId);
      shop.setQuantity(t.listingId, t.quantity);
      return {
        name: 'available',
        delta: t.quantity - before,
        quantityAfterChange: t.quantity,
        item: { id: gid('InventoryItem', t.item) },
        location: { id: gid('Location', t.location) },
      };
    });
    return {
      inventoryAdjustmentGroup: {
        id: gid('InventoryAdjustmentGroup', shop.nextNum()),
        createdAt: new Date(this.options.clock()).toISOString(),
        reason,
        changes,
      },
      userErrors: [],
    };
  }

  private readLevels(v: Record<string, unknown>): Resolution {
    const list = v.ids;
    if (!Array.isArray(list) || list.length > SHOPIFY_MAX_NODES_PER_QUERY) {
      return invalid(`ids: a list of at most ${SHOPIFY_MAX_NODES_PER_QUERY} ids`);
    }
    const { shop } = this.options;
    const nodes: ShopifyReadLevelsData['nodes'] = list.map((id): ShopifyInventoryLevelNode | null => {
      const n = levelNumbers(id);
      const listingId = n ? `${n.item}@${n.location}` : '';
      const listing = n ? shop.listing(listingId) : null;
      if (!n || !listing) {
        return null;
      }
      const committed = shop.committed(listingId);
      return {
        id: String(id),
        item: { id: gid('InventoryItem', n.item) },
        location: { id: gid('Location', n.location) },
        quantities: [
          { name: 'available', quantity: listing.quantity },
          { name: 'committed', quantity: committed },
          { name: 'on_hand', quantity: listing.quantity + committed },
        ],
      };
    });
    return { kind: 'data', data: { nodes }, itemCount: list.length, returned: list.length };
  }

  private itemSettings(v: Record<string, unknown>): Resolution {
    const list = v.ids;
    if (!Array.isArray(list) || list.length > SHOPIFY_MAX_NODES_PER_QUERY) {
      return invalid(`ids: a list of at most ${SHOPIFY_MAX_NODES_PER_QUERY} ids`);
    }
    const { shop } = this.options;
    const nodes: ShopifyItemSettingsData['nodes'] = list.map((id) => {
      const item = typeof id === 'string' ? gidNumber(id, 'InventoryItem') : null;
      const levels = shop.listings().filter((l) => item !== null && l.listingId.startsWith(`${item}@`));
      if (item === null || levels.length === 0) {
        return null;
      }
      return {
        id: gid('InventoryItem', item),
        tracked: shop.isTracked(item),
        variant: {
          id: gid('ProductVariant', variantNumOf(item)),
          displayName: levels[0].title,
          // The policy belongs to the variant, so it holds at every location of the item.
          inventoryPolicy: levels.some((l) => l.oversellAllowed) ? 'CONTINUE' : 'DENY',
        },
      };
    });
    return { kind: 'data', data: { nodes }, itemCount: list.length, returned: list.length };
  }

  private listLocations(v: Record<string, unknown>): Resolution {
    const size = pageSize(v.first);
    if (typeof size === 'string') {
      return invalid(size);
    }
    const { shop } = this.options;
    const after = decodeCursor<number>(v.after) ?? 0;
    const all = shop.locationNums();
    const page = all.slice(after, after + size);
    const data: ShopifyLocationsData = {
      locations: {
        nodes: page.map((n) => ({ id: gid('Location', n), name: shop.locationName(n), isActive: true })),
        pageInfo: { hasNextPage: after + size < all.length, endCursor: page.length > 0 ? encodeCursor(after + page.length) : null },
      },
    };
    return { kind: 'data', data, itemCount: null, returned: page.length };
  }

  private locationLevels(v: Record<string, unknown>): Resolution {
    const size = pageSize(v.first);
    if (typeof size === 'string') {
      return invalid(size);
    }
    const { shop } = this.options;
    const location = typeof v.locationId === 'string' ? gidNumber(v.locationId, 'Location') : null;
    if (location === null || !shop.locationNums().includes(location)) {
      return { kind: 'data', data: { location: null } satisfies ShopifyLocationLevelsData, itemCount: null, returned: 0 };
    }
    const after = decodeCursor<number>(v.after) ?? 0;
    const all = shop
      .listings()
      .filter((l) => l.listingId.endsWith(`@${location}`))
      .sort((a, b) => (BigInt(a.listingId.split('@')[0]) < BigInt(b.listingId.split('@')[0]) ? -1 : 1));
    const page = all.slice(after, after + size);
    const data: ShopifyLocationLevelsData = {
      location: {
        id: gid('Location', location),
        inventoryLevels: {
          nodes: page.map((l) => {
            const item = l.listingId.split('@')[0];
            return {
              quantities: [{ name: 'available', quantity: l.quantity }],
              item: {
                id: gid('InventoryItem', item),
                sku: l.sellerSku,
                tracked: shop.isTracked(item),
                variant: {
                  id: gid('ProductVariant', variantNumOf(item)),
                  displayName: l.title,
                  barcode: l.jan,
                  inventoryPolicy: l.oversellAllowed ? 'CONTINUE' : 'DENY',
                },
              },
            };
          }),
          pageInfo: { hasNextPage: after + size < all.length, endCursor: page.length > 0 ? encodeCursor(after + page.length) : null },
        },
      },
    };
    return { kind: 'data', data, itemCount: null, returned: page.length };
  }

  /** `orders(sortKey: UPDATED_AT, query: "updated_at:>='…'")` with keyset cursors, so an order updated mid-paging moves to the end instead of being skipped. */
  private orderChanges(v: Record<string, unknown>): Resolution {
    const size = pageSize(v.first);
    if (typeof size === 'string') {
      return invalid(size);
    }
    const filter = typeof v.query === 'string' ? /^updated_at:>=?'?([^']+)'?$/.exec(v.query.trim()) : null;
    const since = filter ? Date.parse(filter[1]) : Number.NaN;
    if (v.query !== undefined && v.query !== '' && Number.isNaN(since)) {
      return invalid(`query: this sandbox filters orders by "updated_at:>='<ISO time>'" only, got ${JSON.stringify(v.query)}`);
    }
    const after = decodeCursor<{ u: number; n: string }>(v.after);
    const key = (r: { updatedAt: string; num: string }) => ({ u: Date.parse(r.updatedAt), n: BigInt(r.num) });
    const before = (a: { u: number; n: bigint }, b: { u: number; n: bigint }) => a.u < b.u || (a.u === b.u && a.n < b.n);
    const all = this.options.shop
      .orderRecords()
      .filter((r) => Number.isNaN(since) || Date.parse(r.updatedAt) >= since)
      .filter((r) => after === null || before({ u: after.u, n: BigInt(after.n) }, key(r)))
      .sort((a, b) => (before(key(a), key(b)) ? -1 : 1));
    const page = all.slice(0, size);
    const last = page.at(-1);
    const data: ShopifyOrdersData = {
      orders: {
        nodes: page.map(graphqlOrder),
        pageInfo: {
          hasNextPage: all.length > size,
          endCursor: last ? encodeCursor({ u: Date.parse(last.updatedAt), n: last.num }) : null,
        },
      },
    };
    return { kind: 'data', data, itemCount: null, returned: page.length };
  }
}
