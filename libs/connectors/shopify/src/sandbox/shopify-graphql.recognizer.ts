import type { ConnectorOperation } from '@urikiri/connector-sdk';
import { SHOPIFY_OPERATIONS, type ShopifyOperationName } from '../shopify-graphql.documents';

export interface RecognisedCall {
  name: ShopifyOperationName;
  /** The urikiri operation the call counts against in faults, limits and the request log. */
  operation: ConnectorOperation;
  variables: Record<string, unknown>;
  /** Shopify's calculated cost of the query as asked (before it runs). */
  requestedCost: number;
  /** The cost once the answer's size is known. */
  actualCost(returned: number): number;
}

interface Shape {
  operation: ConnectorOperation;
  /** Fragments the document must contain: the root field, and the directive for inventory mutations. */
  needs: RegExp[];
  /** Connection costs in Shopify's way: 2 per connection plus 1 per object asked for, and so on down. */
  cost(variables: Record<string, unknown>, returned?: number): number;
}

const first = (v: Record<string, unknown>): number => (typeof v.first === 'number' ? v.first : 0);
const num = (value: unknown): number => (typeof value === 'number' ? value : 0);
const ids = (v: Record<string, unknown>): number => (Array.isArray(v.ids) ? v.ids.length : 0);

const SHAPES: Record<ShopifyOperationName, Shape> = {
  [SHOPIFY_OPERATIONS.setQuantities]: {
    operation: 'push',
    needs: [/inventorySetQuantities\s*\(/, /@idempotent\s*\(\s*key\s*:/],
    cost: () => 10,
  },
  [SHOPIFY_OPERATIONS.readLevels]: {
    operation: 'read',
    needs: [/\bnodes\s*\(/, /\.\.\.\s*on\s+InventoryLevel\b/],
    cost: (v) => 1 + ids(v),
  },
  [SHOPIFY_OPERATIONS.itemSettings]: {
    operation: 'catalogue',
    needs: [/\bnodes\s*\(/, /\.\.\.\s*on\s+InventoryItem\b/],
    cost: (v) => 1 + ids(v),
  },
  [SHOPIFY_OPERATIONS.listLocations]: {
    operation: 'catalogue',
    needs: [/\blocations\s*\(/],
    cost: (v, returned) => 2 + (returned ?? first(v)),
  },
  [SHOPIFY_OPERATIONS.locationLevels]: {
    operation: 'catalogue',
    needs: [/\blocation\s*\(\s*id\s*:/, /\binventoryLevels\s*\(/],
    cost: (v, returned) => 3 + 3 * (returned ?? first(v)),
  },
  [SHOPIFY_OPERATIONS.variantItems]: {
    operation: 'orders',
    needs: [/\bnodes\s*\(/, /\.\.\.\s*on\s+ProductVariant\b/, /\binventoryItem\b/],
    // Per id the variant and its inventory item, one point each.
    cost: (v, returned) => 2 * (returned ?? ids(v)),
  },
  [SHOPIFY_OPERATIONS.orderLineLocations]: {
    operation: 'orders',
    needs: [/\bnodes\s*\(/, /\.\.\.\s*on\s+Order\b/, /\bfulfillmentOrders\s*\(/, /\bassignedLocation\b/],
    // Per order: the order, its fulfillment orders connection, and per fulfillment order the order
    // itself, its assigned location and location, and a connection of line items (two objects each).
    cost: (v, returned) => (returned ?? ids(v)) * (3 + num(v.fulfillmentOrders) * (5 + 2 * num(v.lineItems))),
  },
  [SHOPIFY_OPERATIONS.orderChanges]: {
    operation: 'orders',
    needs: [/\borders\s*\(/],
    cost: (v, returned) => 2 + 5 * (returned ?? first(v)),
  },
};

export const KNOWN_OPERATIONS = Object.keys(SHAPES).join(', ');

/**
 * Tells which of the connector's operations a GraphQL request is: by its operation name, checked
 * against the root field it must select. No general GraphQL parser: the sandbox answers exactly the
 * operations the connector sends, and says so for anything else.
 */
export function recognise(body: unknown): RecognisedCall | string {
  const b = body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
  if (typeof b?.query !== 'string') {
    return 'Parameter Missing or Invalid: the body needs a "query" string';
  }
  const declared = /^\s*(?:query|mutation)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(b.query)?.[1];
  const name = (typeof b.operationName === 'string' ? b.operationName : declared) as ShopifyOperationName | undefined;
  const shape = name === undefined ? undefined : SHAPES[name];
  if (name === undefined || shape === undefined) {
    return `This sandbox answers the operations ${KNOWN_OPERATIONS}; got ${name ?? 'an anonymous operation'}`;
  }
  const missing = shape.needs.find((fragment) => !fragment.test(b.query as string));
  if (missing) {
    return `${name} must contain ${missing.source.replace(/\\[sbw]\*?|\\/g, '')}`;
  }
  const variables = typeof b.variables === 'object' && b.variables !== null ? (b.variables as Record<string, unknown>) : {};
  return {
    name,
    operation: shape.operation,
    variables,
    requestedCost: shape.cost(variables),
    actualCost: (returned) => shape.cost(variables, returned),
  };
}
