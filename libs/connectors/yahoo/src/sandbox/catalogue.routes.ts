import { xmlResponse, type SandboxRoute } from '@urikiri/connector-sdk/testing';
import { parseItemRef } from '../yahoo-item-code.codec';
import {
  YAHOO_LIMITS,
  YAHOO_PATHS,
  type YahooItemListResult,
} from '../yahoo-wire.types';
import { admit, type YahooSandboxContext } from './yahoo-sandbox.context';
import { yahooError } from './yahoo-sandbox.errors';

/** myItemList: the store's items, `start` from 1 and at most 100 `results` per page. */
export function catalogueRoutes(context: YahooSandboxContext): SandboxRoute[] {
  return [
    {
      method: 'GET',
      path: YAHOO_PATHS.myItemList,
      operation: 'catalogue',
      handler: (req) => {
        const refused = admit(
          context,
          req,
          'catalogue',
          req.query.get('seller_id'),
        );
        if (refused) {
          return refused;
        }
        const start = Number(req.query.get('start') ?? '1');
        const results = Number(req.query.get('results') ?? '20');
        if (
          !Number.isInteger(start) ||
          start < 1 ||
          !Number.isInteger(results) ||
          results < 1 ||
          results > YAHOO_LIMITS.itemListPage
        ) {
          return yahooError(
            400,
            `start must be 1 or more and results 1-${YAHOO_LIMITS.itemListPage}`,
          );
        }
        const all = context.stock.listings();
        const page: YahooItemListResult[] = all
          .slice(start - 1, start - 1 + results)
          .map((l) => {
            const ref = parseItemRef(l.listingId);
            return {
              ItemCode: ref?.code ?? l.listingId,
              ...(ref?.subCode ? { SubCode: ref.subCode } : {}),
              Name: l.title,
              ...(l.jan ? { Jan: l.jan } : {}),
              ...(l.sellerSku ? { ProductCode: l.sellerSku } : {}),
            };
          });
        return xmlResponse(200, {
          ResultSet: {
            '@_totalResultsAvailable': String(all.length),
            '@_totalResultsReturned': String(page.length),
            '@_firstResultPosition': String(start),
            Result: page,
          },
        });
      },
    },
  ];
}
