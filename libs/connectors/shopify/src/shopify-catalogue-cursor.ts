import { ConnectorError } from '@urikiri/connector-sdk';

/** Where a catalogue listing stands: the locations still to list (current first) and Shopify's page cursor there. */
export interface CatalogueCursor {
  locations: string[];
  after: string | null;
}

export function encodeCatalogueCursor(cursor: CatalogueCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCatalogueCursor(cursor: string): CatalogueCursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CatalogueCursor>;
    if (
      Array.isArray(value.locations) &&
      value.locations.length > 0 &&
      value.locations.every((l) => typeof l === 'string') &&
      (value.after === null || typeof value.after === 'string')
    ) {
      return { locations: value.locations, after: value.after };
    }
  } catch {
    // Falls through to the error below: a cursor that is not ours.
  }
  throw new ConnectorError('permanent', `cursor: "${cursor}" is not a Shopify catalogue cursor; pass null or the nextCursor of a previous page`);
}
