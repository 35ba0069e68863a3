import {
  LISTINGS_FEED_TYPE,
  type CreateFeedDocumentResponse,
  type CreateFeedResponse,
  type CreateFeedSpecification,
  type Feed,
  type FeedDocument,
  type ListingsFeedProcessingReport,
} from '../amazon-wire.types';
import type { AmazonSettings } from '../amazon.settings';
import { pollUntil, type AmazonCaller } from './amazon-caller';
import { feedErrorsByMessage } from './feed-processing-report.parser';
import type { FeedTracker } from './feed-tracker';
import { buildListingsFeed } from './listings-feed.builder';

export type FeedOutcome =
  | { sku: string; status: 'applied'; quantity: number }
  | { sku: string; status: 'rejected'; code: string; message: string }
  | { sku: string; status: 'unfinished'; message: string };

const FEED_CONTENT_TYPE = 'application/json; charset=UTF-8';
const FINISHED = new Set<Feed['processingStatus']>([
  'DONE',
  'FATAL',
  'CANCELLED',
]);

/**
 * The bulk write: one JSON_LISTINGS_FEED document for the whole batch (createFeedDocument, upload,
 * createFeed), then getFeed until Amazon has processed it and the processing report tells, message
 * by message, which SKUs it refused.
 */
export class ListingsFeedRoute {
  constructor(
    private readonly caller: AmazonCaller,
    private readonly tracker: FeedTracker,
    private readonly account: { sellerId: string; marketplaceId: string },
    private readonly settings: AmazonSettings,
  ) {}

  async submit(
    writes: readonly { sku: string; quantity: number }[],
  ): Promise<FeedOutcome[]> {
    const document = buildListingsFeed(
      this.account.sellerId,
      this.settings.productType,
      writes,
    );
    const upload = await this.caller.call<CreateFeedDocumentResponse>(
      'push',
      'createFeedDocument',
      {
        method: 'POST',
        url: '/feeds/2021-06-30/documents',
        data: { contentType: FEED_CONTENT_TYPE },
      },
    );
    await this.caller.upload(
      upload.url,
      JSON.stringify(document),
      FEED_CONTENT_TYPE,
    );
    const spec: CreateFeedSpecification = {
      feedType: LISTINGS_FEED_TYPE,
      marketplaceIds: [this.account.marketplaceId],
      inputFeedDocumentId: upload.feedDocumentId,
    };
    const { feedId } = await this.caller.call<CreateFeedResponse>(
      'push',
      'createFeed',
      {
        method: 'POST',
        url: '/feeds/2021-06-30/feeds',
        data: spec,
      },
    );
    this.tracker.startFeed(
      feedId,
      writes.map((w) => w.sku),
    );
    const feed = await pollUntil(
      this.caller,
      {
        startMs: this.settings.pollStartMs,
        maxMs: this.settings.pollMaxMs,
        timeoutMs: this.settings.feedTimeoutMs,
      },
      async () => {
        const current = await this.feed(feedId);
        return FINISHED.has(current.processingStatus) ? current : null;
      },
    );
    if (feed === null) {
      const message = `Amazon feed ${feedId} was not processed within ${this.settings.feedTimeoutMs} ms (feedTimeoutMs); its SKUs wait for it before any new write`;
      return writes.map((w) => ({ sku: w.sku, status: 'unfinished', message }));
    }
    this.tracker.endFeed(feedId);
    return this.outcomes(feed, writes);
  }

  /** One getFeed for a feed that still holds SKUs; releases them once Amazon has finished it. */
  async stillRunning(feedId: string): Promise<boolean> {
    const feed = await this.feed(feedId);
    if (FINISHED.has(feed.processingStatus)) {
      this.tracker.endFeed(feedId);
      return false;
    }
    return true;
  }

  private feed(feedId: string): Promise<Feed> {
    return this.caller.call<Feed>('push', 'getFeed', {
      method: 'GET',
      url: `/feeds/2021-06-30/feeds/${encodeURIComponent(feedId)}`,
    });
  }

  private async outcomes(
    feed: Feed,
    writes: readonly { sku: string; quantity: number }[],
  ): Promise<FeedOutcome[]> {
    if (feed.processingStatus === 'CANCELLED') {
      const message = `Amazon feed ${feed.feedId} was cancelled before it was applied; push again`;
      return writes.map((w) => ({ sku: w.sku, status: 'unfinished', message }));
    }
    if (
      feed.processingStatus !== 'DONE' ||
      feed.resultFeedDocumentId === undefined
    ) {
      const message = `Amazon feed ${feed.feedId} ended ${feed.processingStatus}: nothing in it was applied`;
      return writes.map((w) => ({
        sku: w.sku,
        status: 'rejected',
        code: `feed-${feed.processingStatus.toLowerCase()}`,
        message,
      }));
    }
    const document = await this.caller.call<
      FeedDocument & { compressionAlgorithm?: 'GZIP' }
    >('push', 'getFeedDocument', {
      method: 'GET',
      url: `/feeds/2021-06-30/documents/${encodeURIComponent(feed.resultFeedDocumentId)}`,
    });
    const report = JSON.parse(
      await this.caller.download(document.url, document.compressionAlgorithm),
    ) as ListingsFeedProcessingReport;
    const errors = feedErrorsByMessage(report);
    return writes.map((write, index) => {
      const refused = errors.get(index + 1);
      return refused
        ? {
            sku: write.sku,
            status: 'rejected',
            code: refused[0].code,
            message: `Amazon refused SKU ${write.sku} in feed ${feed.feedId}: ${refused.map((e) => `${e.code} ${e.message}`).join('; ')}`,
          }
        : { sku: write.sku, status: 'applied', quantity: write.quantity };
    });
  }
}
