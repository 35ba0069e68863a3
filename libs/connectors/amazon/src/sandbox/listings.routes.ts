import type {
  SandboxListing,
  SandboxRequest,
  SandboxResponse,
  SandboxRoute,
} from '@urikiri/connector-sdk/testing';
import { MERCHANT_CHANNEL_CODE } from '../amazon-operations';
import {
  SEARCH_IDENTIFIERS_MAX,
  type ItemSearchResults,
  type ListingsItem,
  type ListingsItemPatchRequest,
  type ListingsItemSubmissionResponse,
} from '../amazon-wire.types';
import {
  amazonRoute,
  jsonResponse,
  listParam,
  type AmazonSandboxContext,
} from './amazon-sandbox.context';
import { amazonError, invalidInput } from './amazon-sandbox.errors';

export const FBA_CHANNEL_CODE = 'AMAZON_JP';
const LISTED_AT = '2025-04-01T00:00:00.000Z';

/** The listing as Listings Items 2021-08-01 shows it, with the includedData sections asked for. */
export function listingsItem(
  ctx: AmazonSandboxContext,
  listing: SandboxListing,
  included: readonly string[],
): ListingsItem {
  const fba = ctx.stock.fbaOf(listing.listingId);
  const merchant = fba === null || fba.merchantFulfilled;
  const item: ListingsItem = { sku: listing.listingId };
  if (included.includes('summaries')) {
    item.summaries = [
      {
        marketplaceId: ctx.account.marketplaceId,
        asin: fba?.asin,
        productType: 'PRODUCT',
        conditionType: 'new_new',
        status:
          (merchant ? listing.quantity : (fba?.fulfillable ?? 0)) > 0 ||
          listing.oversellAllowed
            ? ['BUYABLE', 'DISCOVERABLE']
            : ['DISCOVERABLE'],
        itemName: listing.title,
        createdDate: LISTED_AT,
        lastUpdatedDate: LISTED_AT,
      },
    ];
  }
  if (included.includes('attributes')) {
    item.attributes = {
      fulfillment_availability: merchant
        ? [
            listing.oversellAllowed
              ? {
                  fulfillment_channel_code: MERCHANT_CHANNEL_CODE,
                  is_inventory_available: true,
                }
              : {
                  fulfillment_channel_code: MERCHANT_CHANNEL_CODE,
                  quantity: listing.quantity,
                },
          ]
        : [{ fulfillment_channel_code: FBA_CHANNEL_CODE }],
    };
  }
  if (included.includes('fulfillmentAvailability')) {
    item.fulfillmentAvailability = [
      ...(merchant
        ? [
            {
              fulfillmentChannelCode: MERCHANT_CHANNEL_CODE,
              quantity: listing.quantity,
            },
          ]
        : []),
      ...(fba
        ? [
            {
              fulfillmentChannelCode: FBA_CHANNEL_CODE,
              quantity: fba.fulfillable,
            },
          ]
        : []),
    ];
  }
  return item;
}

function checkAccount(
  ctx: AmazonSandboxContext,
  req: SandboxRequest,
): SandboxResponse | null {
  if (req.params.sellerId !== ctx.account.sellerId) {
    return amazonError(
      403,
      'Unauthorized',
      'Access to requested resource is denied.',
      `The selling partner ${req.params.sellerId} has not authorised this application.`,
    );
  }
  const marketplaces = listParam(req, 'marketplaceIds');
  if (marketplaces.length === 0) {
    return invalidInput("Missing required 'marketplaceIds' parameter.");
  }
  if (!marketplaces.includes(ctx.account.marketplaceId)) {
    return invalidInput(
      `The seller does not participate in marketplace ${marketplaces.join(',')}.`,
    );
  }
  return null;
}

/** The one patch shape the sandbox models: a DEFAULT fulfillment_availability quantity. */
function requestedQuantity(
  body: unknown,
): { quantity: number } | { problem: string } {
  const request = body as Partial<ListingsItemPatchRequest> | undefined;
  if (
    typeof request?.productType !== 'string' ||
    request.productType === '' ||
    !Array.isArray(request.patches) ||
    request.patches.length === 0
  ) {
    return {
      problem:
        'The body must be a ListingsItemPatchRequest: productType and at least one patch.',
    };
  }
  const patch = request.patches.find(
    (p) => p.path === '/attributes/fulfillment_availability',
  );
  const value = patch?.value?.find(
    (v) => v.fulfillment_channel_code === MERCHANT_CHANNEL_CODE,
  );
  if (!patch || (patch.op !== 'replace' && patch.op !== 'merge') || !value) {
    return {
      problem:
        'This sandbox models one patch: replace or merge /attributes/fulfillment_availability with a DEFAULT entry.',
    };
  }
  if (!Number.isInteger(value.quantity)) {
    return {
      problem: `fulfillment_availability quantity must be an integer, got ${JSON.stringify(value.quantity)}.`,
    };
  }
  return { quantity: value.quantity };
}

export function listingsRoutes(ctx: AmazonSandboxContext): SandboxRoute[] {
  return [
    amazonRoute(ctx, {
      method: 'GET',
      path: '/listings/2021-08-01/items/:sellerId/:sku',
      operation: 'getListingsItem',
      handler: (req) => {
        req.countItems(1);
        const refused = checkAccount(ctx, req);
        if (refused) {
          return refused;
        }
        const listing = ctx.stock.listing(req.params.sku);
        if (!listing) {
          return amazonError(
            404,
            'NOT_FOUND',
            `SKU '${req.params.sku}' not found in marketplace ${ctx.account.marketplaceId}`,
          );
        }
        const included = listParam(req, 'includedData');
        return jsonResponse(
          200,
          listingsItem(
            ctx,
            listing,
            included.length > 0 ? included : ['summaries'],
          ),
        );
      },
    }),
    amazonRoute(ctx, {
      method: 'GET',
      path: '/listings/2021-08-01/items/:sellerId',
      operation: 'searchListingsItems',
      handler: (req) => {
        const refused = checkAccount(ctx, req);
        if (refused) {
          return refused;
        }
        const identifiers = listParam(req, 'identifiers');
        if (identifiers.length > SEARCH_IDENTIFIERS_MAX) {
          return invalidInput(
            `identifiers takes at most ${SEARCH_IDENTIFIERS_MAX} values, got ${identifiers.length}.`,
          );
        }
        if (
          identifiers.length > 0 &&
          req.query.get('identifiersType') !== 'SKU'
        ) {
          return invalidInput(
            'This sandbox searches by seller SKU: send identifiersType=SKU with identifiers.',
          );
        }
        req.countItems(identifiers.length);
        const included = listParam(req, 'includedData');
        const listings =
          identifiers.length > 0
            ? identifiers.flatMap((sku) => ctx.stock.listing(sku) ?? [])
            : ctx.stock.listings();
        const pageSize = Math.min(
          Number(req.query.get('pageSize') ?? 10),
          SEARCH_IDENTIFIERS_MAX,
        );
        const offset = Number(req.query.get('pageToken') ?? 0);
        const page = listings.slice(offset, offset + pageSize);
        const answer: ItemSearchResults = {
          numberOfResults: listings.length,
          items: page.map((l) =>
            listingsItem(
              ctx,
              l,
              included.length > 0 ? included : ['summaries'],
            ),
          ),
          ...(offset + pageSize < listings.length
            ? { pagination: { nextToken: String(offset + pageSize) } }
            : {}),
        };
        return jsonResponse(200, answer);
      },
    }),
    amazonRoute(ctx, {
      method: 'PATCH',
      path: '/listings/2021-08-01/items/:sellerId/:sku',
      operation: 'patchListingsItem',
      handler: (req) => {
        req.countItems(1);
        const refused = checkAccount(ctx, req);
        if (refused) {
          return refused;
        }
        const sku = req.params.sku;
        const wanted = requestedQuantity(req.body);
        if ('problem' in wanted) {
          return invalidInput(wanted.problem);
        }
        if (!ctx.stock.listing(sku)) {
          return amazonError(
            404,
            'NOT_FOUND',
            `SKU '${sku}' not found in marketplace ${ctx.account.marketplaceId}`,
          );
        }
        const submissionId = ctx.random.hex(32);
        const failure = invalidReason(ctx, sku, wanted.quantity);
        if (failure) {
          const answer: ListingsItemSubmissionResponse = {
            sku,
            status: 'INVALID',
            submissionId,
            issues: [
              {
                code: failure.code,
                message: failure.message,
                severity: 'ERROR',
                attributeNames: ['fulfillment_availability'],
                categories: ['INVALID_ATTRIBUTE'],
              },
            ],
          };
          return jsonResponse(200, answer);
        }
        if (req.query.get('mode') === 'VALIDATION_PREVIEW') {
          return jsonResponse(200, {
            sku,
            status: 'VALID',
            submissionId,
            issues: [],
          } satisfies ListingsItemSubmissionResponse);
        }
        writeQuantity(ctx, sku, wanted.quantity);
        return jsonResponse(200, {
          sku,
          status: 'ACCEPTED',
          submissionId,
          issues: [],
        } satisfies ListingsItemSubmissionResponse);
      },
    }),
  ];
}

/** Why Amazon would refuse this quantity for this SKU, the kit's injected item failures included. */
export function invalidReason(
  ctx: AmazonSandboxContext,
  sku: string,
  quantity: number,
): { code: string; message: string } | null {
  const injected = ctx.faultItemFailure(sku);
  if (injected !== null) {
    return { code: injected, message: 'Rejected by the sandbox fault plan.' };
  }
  if (quantity < 0 || quantity > ctx.maxQuantity) {
    return {
      code: '90220',
      message: `'fulfillment_availability.quantity' must be between 0 and ${ctx.maxQuantity}.`,
    };
  }
  return null;
}

/**
 * Applies a DEFAULT quantity as Amazon does: it replaces "always available" and turns an FBA-only
 * offer into a merchant-fulfilled one.
 */
export function writeQuantity(
  ctx: AmazonSandboxContext,
  sku: string,
  quantity: number,
): void {
  ctx.stock.becomeMerchantFulfilled(sku);
  ctx.stock.upsertListing({ listingId: sku, quantity, oversellAllowed: false });
}
