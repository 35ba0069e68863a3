import { jsonResponse, type SandboxListing, type SandboxRoute } from '@urikiri/connector-sdk/testing';
import { toRakutenIsoTime } from '../jst-time.codec';
import { RAKUTEN_ITEM_SEARCH_MAX_HITS, type RakutenItem, type RakutenItemSearchResponse } from '../rakuten-wire.types';
import { invalid, notFound, rakutenErrors } from './rakuten-error.responses';
import type { RakutenSandboxContext } from './rakuten-sandbox.context';

/** Every variant of the channel grouped into items, by manageNumber. */
function itemsOf(ctx: RakutenSandboxContext): Map<string, SandboxListing[]> {
  const items = new Map<string, SandboxListing[]>();
  for (const listing of ctx.stock.listings()) {
    const manageNumber = listing.listingId.split(':')[0];
    items.set(manageNumber, [...(items.get(manageNumber) ?? []), listing]);
  }
  return new Map([...items.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function toItem(ctx: RakutenSandboxContext, manageNumber: string, variants: SandboxListing[]): RakutenItem {
  const settings = ctx.stock.itemSettingsOf(manageNumber);
  const times = variants.map((v) => ctx.stock.inventoryRecord(v.listingId)).filter((t) => t !== null);
  const created = Math.min(...times.map((t) => t.created), ctx.clock());
  const updated = Math.max(...times.map((t) => t.updated), created);
  return {
    manageNumber,
    itemNumber: settings.itemNumber,
    // Titles belong to items in RMS; the sandbox keeps them per listing and shows the first.
    title: variants[0].title,
    unlimitedInventoryFlag: settings.unlimitedInventoryFlag,
    variants: Object.fromEntries(
      variants.map((v) => [
        v.listingId.split(':')[1],
        {
          merchantDefinedSkuId: v.sellerSku,
          ...(v.jan === null ? {} : { articleNumber: { value: v.jan } }),
          backOrderFlag: v.oversellAllowed,
          restockOnCancel: ctx.stock.variantRestocksOnCancel(v.listingId),
        },
      ]),
    ),
    created: toRakutenIsoTime(created),
    updated: toRakutenIsoTime(updated),
  };
}

const encodeMark = (manageNumber: string) => Buffer.from(manageNumber).toString('base64url');
const decodeMark = (mark: string) => Buffer.from(mark, 'base64url').toString('utf8');

export function itemRoutes(ctx: RakutenSandboxContext): SandboxRoute[] {
  return [
    {
      method: 'GET',
      path: '/es/2.0/items/search',
      operation: 'catalogue',
      handler: (req) => {
        const refused = ctx.refuse(req);
        if (refused) {
          return refused;
        }
        const hits = Number(req.query.get('hits') ?? '10');
        if (!Number.isInteger(hits) || hits < 1 || hits > RAKUTEN_ITEM_SEARCH_MAX_HITS) {
          return rakutenErrors(400, [invalid(`hits must be 1 to ${RAKUTEN_ITEM_SEARCH_MAX_HITS}`, 'hits')]);
        }
        const mark = req.query.get('cursorMark') ?? '*';
        const after = mark === '*' ? null : decodeMark(mark);
        const all = [...itemsOf(ctx).entries()];
        const rest = after === null ? all : all.filter(([m]) => m > after);
        const page = rest.slice(0, hits);
        const answer: RakutenItemSearchResponse = {
          numFound: all.length,
          offset: all.length - rest.length,
          nextCursorMark: page.length === 0 ? mark : encodeMark(page[page.length - 1][0]),
          results: page.map(([m, variants]) => ({ item: toItem(ctx, m, variants) })),
        };
        return jsonResponse(200, answer);
      },
    },
    {
      method: 'GET',
      path: '/es/2.0/items/manage-numbers/:manageNumber',
      operation: 'catalogue',
      handler: (req) => {
        const refused = ctx.refuse(req);
        if (refused) {
          return refused;
        }
        const manageNumber = req.params.manageNumber.toLowerCase();
        const variants = itemsOf(ctx).get(manageNumber);
        if (!variants) {
          return rakutenErrors(404, [notFound(`manageNumber=${manageNumber}`)]);
        }
        return jsonResponse(200, toItem(ctx, manageNumber, variants));
      },
    },
  ];
}
