import { ConnectorError } from '@urikiri/connector-sdk';

/**
 * Catalogue pages count listings (variants), RMS pages count items: the cursor keeps the item
 * page's cursorMark and how many of its variants were already handed out.
 */
export interface CatalogueCursor {
  mark: string;
  skip: number;
}

const PREFIX = 'rc1.';

export function encodeCatalogueCursor(cursor: CatalogueCursor): string {
  return PREFIX + Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCatalogueCursor(text: string | null): CatalogueCursor {
  if (text === null) {
    return { mark: '*', skip: 0 };
  }
  try {
    const value = JSON.parse(Buffer.from(text.slice(PREFIX.length), 'base64url').toString('utf8')) as Partial<CatalogueCursor>;
    if (text.startsWith(PREFIX) && typeof value.mark === 'string' && Number.isInteger(value.skip)) {
      return { mark: value.mark, skip: value.skip as number };
    }
  } catch {
    // reported below with the fix
  }
  throw new ConnectorError('permanent', `"${text.slice(0, 40)}" is not a Rakuten catalogue cursor; pass back a nextCursor from listCatalogue, or null`);
}
