import type { SandboxRoute } from '@urikiri/connector-sdk/testing';
import {
  MERCHANT_LISTINGS_REPORT,
  type CreateReportSpecification,
  type Report,
} from '../amazon-wire.types';
import {
  amazonRoute,
  iso,
  jsonResponse,
  later,
  type AmazonSandboxContext,
} from './amazon-sandbox.context';
import { amazonError, invalidInput } from './amazon-sandbox.errors';
import { documentUrl } from './documents.routes';
import { FBA_CHANNEL_CODE } from './listings.routes';

/** The report's header as Amazon writes it for GET_MERCHANT_LISTINGS_ALL_DATA. */
const COLUMNS = [
  'item-name',
  'item-description',
  'listing-id',
  'seller-sku',
  'price',
  'quantity',
  'open-date',
  'image-url',
  'item-is-marketplace',
  'product-id-type',
  'zshop-shipping-fee',
  'item-note',
  'item-condition',
  'zshop-category1',
  'zshop-browse-path',
  'zshop-storefront-feature',
  'asin1',
  'asin2',
  'asin3',
  'will-ship-internationally',
  'expedited-shipping',
  'zshop-boldface',
  'product-id',
  'bid-for-featured-placement',
  'add-delete',
  'pending-quantity',
  'fulfillment-channel',
  'merchant-shipping-group',
  'status',
];

const cell = (text: string | number | null | undefined): string =>
  String(text ?? '').replace(/[\t\r\n]+/g, ' ');

/** The merchant listings report of the stock as it is now: one tab-separated row per listing. */
export function merchantListingsReport(ctx: AmazonSandboxContext): string {
  const rows = ctx.stock.listings().map((listing) => {
    const fba = ctx.stock.fbaOf(listing.listingId);
    const merchant = fba === null || fba.merchantFulfilled;
    const values: Record<string, string | number | null> = {
      'item-name': listing.title,
      'listing-id': `0${listing.listingId.length}${ctx.random.hex(8).toUpperCase()}`,
      'seller-sku': listing.listingId,
      price: '1000',
      quantity: merchant ? listing.quantity : '',
      'open-date': '2025-04-01 09:00:00 JST',
      'item-is-marketplace': 'y',
      'product-id-type': listing.jan ? 4 : 1,
      'item-condition': 11,
      asin1: fba?.asin ?? '',
      'product-id': listing.jan ?? fba?.asin ?? '',
      'fulfillment-channel': merchant ? 'DEFAULT' : FBA_CHANNEL_CODE,
      status: 'Active',
    };
    return COLUMNS.map((column) => cell(values[column])).join('\t');
  });
  return [COLUMNS.join('\t'), ...rows].join('\n') + '\n';
}

export function reportsRoutes(
  ctx: AmazonSandboxContext,
  processingMs: number,
): SandboxRoute[] {
  const reports = new Map<string, Report>();
  let count = 0;
  return [
    amazonRoute(ctx, {
      method: 'POST',
      path: '/reports/2021-06-30/reports',
      operation: 'createReport',
      handler: (req) => {
        const spec = (req.body ?? {}) as Partial<CreateReportSpecification>;
        if (spec.reportType !== MERCHANT_LISTINGS_REPORT) {
          return invalidInput(
            `reportType ${String(spec.reportType)} is not modelled by this sandbox; use ${MERCHANT_LISTINGS_REPORT}.`,
          );
        }
        if (
          !Array.isArray(spec.marketplaceIds) ||
          !spec.marketplaceIds.includes(ctx.account.marketplaceId)
        ) {
          return invalidInput(
            `marketplaceIds must contain ${ctx.account.marketplaceId}.`,
          );
        }
        count += 1;
        const report: Report = {
          reportId: String(70_000_000_000 + count),
          reportType: MERCHANT_LISTINGS_REPORT,
          marketplaceIds: [ctx.account.marketplaceId],
          createdTime: iso(ctx.clock()),
          processingStatus: 'IN_PROGRESS',
          processingStartTime: iso(ctx.clock()),
        };
        reports.set(report.reportId, report);
        later(ctx, processingMs, () => {
          const documentId = `amzn1.spdoc.1.4.fe.${ctx.random.hex(24)}`;
          ctx.documents.set(documentId, {
            content: merchantListingsReport(ctx),
            contentType: 'text/tab-separated-values; charset=UTF-8',
          });
          report.processingStatus = 'DONE';
          report.processingEndTime = iso(ctx.clock());
          report.reportDocumentId = documentId;
        });
        return jsonResponse(202, { reportId: report.reportId });
      },
    }),
    amazonRoute(ctx, {
      method: 'GET',
      path: '/reports/2021-06-30/reports/:reportId',
      operation: 'getReport',
      handler: (req) => {
        const report = reports.get(req.params.reportId);
        return report
          ? jsonResponse(200, report)
          : amazonError(
              404,
              'NotFound',
              `Report ${req.params.reportId} not found.`,
            );
      },
    }),
    amazonRoute(ctx, {
      method: 'GET',
      path: '/reports/2021-06-30/documents/:reportDocumentId',
      operation: 'getReportDocument',
      handler: (req) => {
        const id = req.params.reportDocumentId;
        return ctx.documents.has(id)
          ? jsonResponse(200, {
              reportDocumentId: id,
              url: documentUrl(ctx, id),
            })
          : amazonError(404, 'NotFound', `Report document ${id} not found.`);
      },
    }),
  ];
}
