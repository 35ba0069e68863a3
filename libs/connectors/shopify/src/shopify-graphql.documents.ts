/**
 * The GraphQL operations the connector sends. The sandbox recognises them by operation name, so a
 * name here is part of the wire contract between the two.
 */
export const SHOPIFY_OPERATIONS = {
  setQuantities: 'SetAvailableQuantities',
  readLevels: 'ReadInventoryLevels',
  listLocations: 'ListLocations',
  locationLevels: 'LocationInventoryLevels',
  itemSettings: 'InventoryItemSettings',
  orderChanges: 'OrderChanges',
  variantItems: 'VariantInventoryItems',
  orderLineLocations: 'OrderLineLocations',
} as const;
export type ShopifyOperationName = (typeof SHOPIFY_OPERATIONS)[keyof typeof SHOPIFY_OPERATIONS];

export const SET_QUANTITIES_MUTATION = `mutation SetAvailableQuantities($input: InventorySetQuantitiesInput!, $idempotencyKey: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey) {
    inventoryAdjustmentGroup {
      id
      createdAt
      reason
      changes(quantityNames: ["available"]) { name delta quantityAfterChange item { id } location { id } }
    }
    userErrors { code field message }
  }
}`;

export const READ_LEVELS_QUERY = `query ReadInventoryLevels($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on InventoryLevel {
      id
      item { id }
      location { id }
      quantities(names: ["available", "committed", "on_hand"]) { name quantity }
    }
  }
}`;

export const LIST_LOCATIONS_QUERY = `query ListLocations($first: Int!, $after: String) {
  locations(first: $first, after: $after, sortKey: ID) {
    nodes { id name isActive }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const LOCATION_LEVELS_QUERY = `query LocationInventoryLevels($locationId: ID!, $first: Int!, $after: String) {
  location(id: $locationId) {
    id
    inventoryLevels(first: $first, after: $after) {
      nodes {
        quantities(names: ["available"]) { name quantity }
        item { id sku tracked variant { id displayName barcode inventoryPolicy } }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

export const ITEM_SETTINGS_QUERY = `query InventoryItemSettings($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on InventoryItem { id tracked variant { id displayName inventoryPolicy } }
  }
}`;

export const ORDER_CHANGES_QUERY = `query OrderChanges($first: Int!, $after: String, $query: String!) {
  orders(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {
    nodes {
      id
      createdAt
      updatedAt
      lineItems(first: 50) { nodes { id sku quantity variant { id inventoryItem { id } } } }
      fulfillmentOrders(first: 10) {
        nodes { assignedLocation { location { id } } lineItems(first: 50) { nodes { lineItem { id } } } }
      }
      transactions(first: 10) { id kind status processedAt }
      refunds(first: 20) {
        id
        createdAt
        refundLineItems(first: 50) { nodes { lineItem { id } quantity restockType location { id } } }
      }
      fulfillments(first: 20) {
        id
        createdAt
        location { id }
        fulfillmentLineItems(first: 50) { nodes { lineItem { id } quantity } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const VARIANT_ITEMS_QUERY = `query VariantInventoryItems($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on ProductVariant { id inventoryItem { id } }
  }
}`;

export const ORDER_LINE_LOCATIONS_QUERY = `query OrderLineLocations($ids: [ID!]!, $fulfillmentOrders: Int!, $lineItems: Int!) {
  nodes(ids: $ids) {
    ... on Order {
      id
      fulfillmentOrders(first: $fulfillmentOrders) {
        nodes {
          assignedLocation { location { id } }
          lineItems(first: $lineItems) { nodes { lineItem { id } } pageInfo { hasNextPage } }
        }
        pageInfo { hasNextPage }
      }
    }
  }
}`;
