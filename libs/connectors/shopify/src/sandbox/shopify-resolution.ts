import type { ShopifyGraphqlError } from '../shopify-wire.types';

/** What the sandbox answers one recognised call with: data and its size, or GraphQL errors. */
export type Resolution =
  | { kind: 'data'; data: unknown; itemCount: number | null; returned: number }
  | { kind: 'errors'; errors: ShopifyGraphqlError[] };

export const invalid = (message: string): Resolution => ({
  kind: 'errors',
  errors: [{ message, extensions: { code: 'INVALID_VARIABLE' } }],
});

/** A connection's page size as Shopify takes it (1 to 250), or the message refusing it. */
export function pageSize(value: unknown, name = 'first'): number | string {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 250
    ? (value as number)
    : `${name}: must be an integer from 1 to 250, got ${JSON.stringify(value)}`;
}
