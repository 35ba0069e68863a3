import type { SandboxRoute } from '@urikiri/connector-sdk/testing';
import type { GetInventorySummariesResponse } from '../amazon-wire.types';
import {
  amazonRoute,
  iso,
  jsonResponse,
  listParam,
  type AmazonSandboxContext,
} from './amazon-sandbox.context';
import { invalidInput } from './amazon-sandbox.errors';

/** FBA Inventory v1 getInventorySummaries: the stock Amazon holds for the listings it fulfils. */
export function fbaInventoryRoutes(ctx: AmazonSandboxContext): SandboxRoute[] {
  return [
    amazonRoute(ctx, {
      method: 'GET',
      path: '/fba/inventory/v1/summaries',
      operation: 'getInventorySummaries',
      handler: (req) => {
        if (
          req.query.get('granularityType') !== 'Marketplace' ||
          req.query.get('granularityId') !== ctx.account.marketplaceId
        ) {
          return invalidInput(
            `granularityType must be Marketplace and granularityId ${ctx.account.marketplaceId}.`,
          );
        }
        if (
          !listParam(req, 'marketplaceIds').includes(ctx.account.marketplaceId)
        ) {
          return invalidInput(
            `marketplaceIds must contain ${ctx.account.marketplaceId}.`,
          );
        }
        const skus = listParam(req, 'sellerSkus');
        if (skus.length > 50) {
          return invalidInput(
            `sellerSkus takes at most 50 SKUs, got ${skus.length}.`,
          );
        }
        const wanted =
          skus.length > 0 ? skus : ctx.stock.listings().map((l) => l.listingId);
        const details = req.query.get('details') === 'true';
        const answer: GetInventorySummariesResponse = {
          payload: {
            granularity: {
              granularityType: 'Marketplace',
              granularityId: ctx.account.marketplaceId,
            },
            inventorySummaries: wanted.flatMap((sku) => {
              const fba = ctx.stock.fbaOf(sku);
              if (!fba) {
                return [];
              }
              const total = fba.fulfillable + fba.inbound + fba.reserved;
              return [
                {
                  asin: fba.asin,
                  fnSku: `X00${sku.length}SANDBX`.slice(0, 10),
                  sellerSku: sku,
                  condition: 'NewItem',
                  lastUpdatedTime: iso(ctx.clock()),
                  productName: ctx.stock.listing(sku)?.title,
                  totalQuantity: total,
                  ...(details
                    ? {
                        inventoryDetails: {
                          fulfillableQuantity: fba.fulfillable,
                          inboundWorkingQuantity: 0,
                          inboundShippedQuantity: fba.inbound,
                          inboundReceivingQuantity: 0,
                          reservedQuantity: {
                            totalReservedQuantity: fba.reserved,
                          },
                        },
                      }
                    : {}),
                },
              ];
            }),
          },
        };
        return jsonResponse(200, answer);
      },
    }),
  ];
}
