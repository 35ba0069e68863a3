import type { SandboxRoute } from '@urikiri/connector-sdk/testing';
import { MERCHANT_CHANNEL_CODE } from '../amazon-operations';
import {
  LISTINGS_FEED_TYPE,
  type CreateFeedSpecification,
  type Feed,
  type ListingsFeedDocument,
  type ListingsFeedProcessingReport,
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
import { invalidReason, writeQuantity } from './listings.routes';

export interface FeedTiming {
  /** Time a feed waits IN_QUEUE before Amazon starts it. */
  queuedMs: number;
  /** Time it spends IN_PROGRESS; its quantities apply when it turns DONE. */
  processingMs: number;
}

/** Applies a JSON_LISTINGS_FEED message by message, as Amazon's processing does, and writes its report. */
function processFeed(
  ctx: AmazonSandboxContext,
  feed: Feed,
  content: string,
): { status: 'DONE' | 'FATAL'; report: ListingsFeedProcessingReport } {
  const report: ListingsFeedProcessingReport = {
    header: {
      sellerId: ctx.account.sellerId,
      version: '2.0',
      feedId: feed.feedId,
    },
    issues: [],
    summary: {
      errors: 0,
      warnings: 0,
      messagesProcessed: 0,
      messagesAccepted: 0,
      messagesInvalid: 0,
    },
  };
  let document: ListingsFeedDocument;
  try {
    document = JSON.parse(content) as ListingsFeedDocument;
  } catch {
    report.issues.push({
      messageId: 0,
      code: '100001',
      severity: 'ERROR',
      message: 'The feed document is not valid JSON.',
    });
    return { status: 'FATAL', report };
  }
  if (
    document.header?.sellerId !== ctx.account.sellerId ||
    !Array.isArray(document.messages)
  ) {
    report.issues.push({
      messageId: 0,
      code: '100002',
      severity: 'ERROR',
      message:
        'The header sellerId does not match the seller, or messages is missing.',
    });
    return { status: 'FATAL', report };
  }
  for (const message of document.messages) {
    report.summary.messagesProcessed += 1;
    const patch = message.patches?.find(
      (p) => p.path === '/attributes/fulfillment_availability',
    );
    const value = patch?.value?.find(
      (v) => v.fulfillment_channel_code === MERCHANT_CHANNEL_CODE,
    );
    const problem = !ctx.stock.listing(message.sku)
      ? {
          code: '4000003',
          message: `SKU '${message.sku}' does not exist in marketplace ${ctx.account.marketplaceId}.`,
        }
      : message.operationType !== 'PATCH' ||
          !value ||
          !Number.isInteger(value.quantity)
        ? {
            code: '4000001',
            message:
              'Only PATCH of /attributes/fulfillment_availability with a DEFAULT quantity is modelled.',
          }
        : invalidReason(ctx, message.sku, value.quantity);
    if (problem) {
      report.issues.push({
        messageId: message.messageId,
        severity: 'ERROR',
        ...problem,
      });
      report.summary.errors += 1;
      report.summary.messagesInvalid += 1;
    } else if (value) {
      writeQuantity(ctx, message.sku, value.quantity);
      report.summary.messagesAccepted += 1;
    }
  }
  return { status: 'DONE', report };
}

export function feedsRoutes(
  ctx: AmazonSandboxContext,
  timing: FeedTiming,
): SandboxRoute[] {
  const feeds = new Map<string, Feed>();
  const inputs = new Map<string, string>();
  let count = 0;

  const run = (feed: Feed, inputDocumentId: string) => {
    later(ctx, timing.queuedMs, () => {
      feed.processingStatus = 'IN_PROGRESS';
      feed.processingStartTime = iso(ctx.clock());
      later(ctx, timing.processingMs, () => {
        const { status, report } = processFeed(
          ctx,
          feed,
          ctx.documents.get(inputDocumentId)?.content ?? '',
        );
        const resultId = `amzn1.tortuga.4.fe.${ctx.random.hex(24)}`;
        ctx.documents.set(resultId, {
          content: JSON.stringify(report),
          contentType: 'application/json; charset=UTF-8',
        });
        feed.processingStatus = status;
        feed.processingEndTime = iso(ctx.clock());
        feed.resultFeedDocumentId = resultId;
      });
    });
  };

  return [
    amazonRoute(ctx, {
      method: 'POST',
      path: '/feeds/2021-06-30/documents',
      operation: 'createFeedDocument',
      handler: (req) => {
        const contentType = (req.body as { contentType?: unknown } | undefined)
          ?.contentType;
        if (typeof contentType !== 'string' || contentType === '') {
          return invalidInput(
            'contentType is required, e.g. "application/json; charset=UTF-8".',
          );
        }
        const feedDocumentId = `amzn1.tortuga.4.fe.${ctx.random.hex(24)}`;
        ctx.documents.set(feedDocumentId, { content: '', contentType });
        inputs.set(feedDocumentId, contentType);
        return jsonResponse(201, {
          feedDocumentId,
          url: documentUrl(ctx, feedDocumentId),
        });
      },
    }),
    amazonRoute(ctx, {
      method: 'POST',
      path: '/feeds/2021-06-30/feeds',
      operation: 'createFeed',
      handler: (req) => {
        const spec = (req.body ?? {}) as Partial<CreateFeedSpecification>;
        if (spec.feedType !== LISTINGS_FEED_TYPE) {
          return invalidInput(
            `feedType ${String(spec.feedType)} is not modelled by this sandbox; use ${LISTINGS_FEED_TYPE}.`,
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
        const input =
          spec.inputFeedDocumentId === undefined
            ? undefined
            : ctx.documents.get(spec.inputFeedDocumentId);
        if (!input || !inputs.has(spec.inputFeedDocumentId as string)) {
          return invalidInput(
            'inputFeedDocumentId must be a feedDocumentId returned by createFeedDocument.',
          );
        }
        if (input.content === '') {
          return invalidInput(
            'The feed document was never uploaded to its URL.',
          );
        }
        count += 1;
        const feed: Feed = {
          feedId: String(50_000_000_000 + count),
          feedType: LISTINGS_FEED_TYPE,
          marketplaceIds: [ctx.account.marketplaceId],
          createdTime: iso(ctx.clock()),
          processingStatus: 'IN_QUEUE',
        };
        feeds.set(feed.feedId, feed);
        run(feed, spec.inputFeedDocumentId as string);
        return jsonResponse(202, { feedId: feed.feedId });
      },
    }),
    amazonRoute(ctx, {
      method: 'GET',
      path: '/feeds/2021-06-30/feeds/:feedId',
      operation: 'getFeed',
      handler: (req) => {
        const feed = feeds.get(req.params.feedId);
        return feed
          ? jsonResponse(200, feed)
          : amazonError(
              404,
              'NotFound',
              `Feed ${req.params.feedId} not found.`,
            );
      },
    }),
    amazonRoute(ctx, {
      method: 'GET',
      path: '/feeds/2021-06-30/documents/:feedDocumentId',
      operation: 'getFeedDocument',
      handler: (req) => {
        const id = req.params.feedDocumentId;
        return ctx.documents.has(id)
          ? jsonResponse(200, { feedDocumentId: id, url: documentUrl(ctx, id) })
          : amazonError(404, 'NotFound', `Feed document ${id} not found.`);
      },
    }),
  ];
}
