/**
 * Shopify's wire format, shared by the connector and its sandbox so the two cannot drift apart:
 * GraphQL answers of the operations in shopify-graphql.documents.ts, and the REST-shaped order JSON
 * that order webhooks carry.
 */

export interface ShopifyThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface ShopifyCost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ShopifyThrottleStatus;
}

export interface ShopifyGraphqlError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
  path?: (string | number)[];
}

export interface ShopifyGraphqlAnswer<TData> {
  data?: TData | null;
  errors?: ShopifyGraphqlError[];
  extensions?: { cost?: ShopifyCost };
}

export interface ShopifyPageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface ShopifyQuantity {
  name: string;
  quantity: number;
}

export interface ShopifyUserError {
  code: string | null;
  field: string[] | null;
  message: string;
}

export interface ShopifySetQuantity {
  inventoryItemId: string;
  locationId: string;
  quantity: number;
  /** What we last published: the write applies only if Shopify still shows it. */
  changeFromQuantity: number | null;
}

export interface ShopifySetQuantitiesInput {
  name: 'available';
  reason: string;
  quantities: ShopifySetQuantity[];
}

export interface ShopifySetQuantitiesData {
  inventorySetQuantities: {
    inventoryAdjustmentGroup: {
      id: string;
      createdAt: string;
      reason: string;
      changes: {
        name: string;
        delta: number;
        quantityAfterChange: number | null;
        item: { id: string };
        location: { id: string };
      }[];
    } | null;
    userErrors: ShopifyUserError[];
  };
}

export interface ShopifyInventoryLevelNode {
  id: string;
  item: { id: string };
  location: { id: string };
  quantities: ShopifyQuantity[];
}

export interface ShopifyReadLevelsData {
  nodes: (ShopifyInventoryLevelNode | null)[];
}

export interface ShopifyLocationsData {
  locations: { nodes: { id: string; name: string; isActive: boolean }[]; pageInfo: ShopifyPageInfo };
}

export type ShopifyInventoryPolicy = 'DENY' | 'CONTINUE';

export interface ShopifyVariantSummary {
  id: string;
  displayName: string;
  barcode: string | null;
  inventoryPolicy: ShopifyInventoryPolicy;
}

export interface ShopifyLocationLevelsData {
  location: {
    id: string;
    inventoryLevels: {
      nodes: {
        quantities: ShopifyQuantity[];
        item: { id: string; sku: string | null; tracked: boolean; variant: ShopifyVariantSummary | null };
      }[];
      pageInfo: ShopifyPageInfo;
    };
  } | null;
}

export interface ShopifyItemSettingsData {
  nodes: ({
    id: string;
    tracked: boolean;
    variant: { id: string; displayName: string; inventoryPolicy: ShopifyInventoryPolicy } | null;
  } | null)[];
}

export interface ShopifyOrderNode {
  id: string;
  createdAt: string;
  updatedAt: string;
  lineItems: {
    nodes: { id: string; sku: string | null; quantity: number; variant: { id: string; inventoryItem: { id: string } } | null }[];
  };
  fulfillmentOrders: {
    nodes: { assignedLocation: { location: { id: string } | null }; lineItems: { nodes: { lineItem: { id: string } }[] } }[];
  };
  transactions: { id: string; kind: string; status: string; processedAt: string | null }[];
  refunds: {
    id: string;
    createdAt: string;
    refundLineItems: {
      nodes: { lineItem: { id: string }; quantity: number; restockType: string; location: { id: string } | null }[];
    };
  }[];
  fulfillments: {
    id: string;
    createdAt: string;
    location: { id: string } | null;
    fulfillmentLineItems: { nodes: { lineItem: { id: string }; quantity: number }[] };
  }[];
}

export interface ShopifyOrdersData {
  orders: { nodes: ShopifyOrderNode[]; pageInfo: ShopifyPageInfo };
}

/** `nodes(ids:)` of product variants: the inventory item each one stocks (1:1, fixed for its life). */
export interface ShopifyVariantItemsData {
  nodes: ({ id: string; inventoryItem: { id: string } } | null)[];
}

/** `nodes(ids:)` of orders: where each fulfillment order takes its lines' units from. */
export interface ShopifyOrderLocationsData {
  nodes: ({
    id: string;
    fulfillmentOrders: {
      nodes: {
        assignedLocation: { location: { id: string } | null };
        lineItems: { nodes: { lineItem: { id: string } }[]; pageInfo: { hasNextPage: boolean } };
      }[];
      pageInfo: { hasNextPage: boolean };
    };
  } | null)[];
}

/**
 * The order JSON of `orders/*` webhooks (REST resource shape, trimmed to what stock needs). A line
 * item names its variant, not the inventory item, and no line names the location its units are
 * committed at: both are looked up (see shopify-listing.resolver.ts).
 */
export interface ShopifyWebhookOrder {
  id: number;
  admin_graphql_api_id: string;
  name: string;
  created_at: string;
  updated_at: string;
  cancelled_at: string | null;
  financial_status: string;
  fulfillment_status: string | null;
  line_items: {
    id: number;
    admin_graphql_api_id: string;
    variant_id: number | null;
    sku: string | null;
    title: string;
    quantity: number;
    current_quantity: number;
    fulfillable_quantity: number;
  }[];
  refunds: {
    id: number;
    admin_graphql_api_id: string;
    created_at: string;
    refund_line_items: { id: number; line_item_id: number; quantity: number; restock_type: string; location_id: number | null }[];
  }[];
  fulfillments: {
    id: number;
    admin_graphql_api_id: string;
    created_at: string;
    status: string;
    location_id: number | null;
    line_items: { id: number; quantity: number }[];
  }[];
}
