import type { ListingView, Page } from '../service-api/api-views';
import type { ServiceApi } from '../service-api/service-api';

/**
 * The operator's documented answer to a dead-letter alert, done every `everyMs`: read the dead
 * letters and take each back (`POST /channels/listings/:id/retry`). A listing a channel refused item
 * by item is a permanent refusal to the push queue, so it waits for this; the count is part of the
 * fault run's report.
 */
export class DeadLetterOperator {
  /** Listings taken back, and why each had been set aside the last time. */
  readonly retried = new Map<number, string | null>();
  private retries = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly api: ServiceApi,
    private readonly everyMs: number,
  ) {}

  start(): void {
    const round = () => {
      this.running = this.retryAll()
        .catch(() => undefined)
        .then(() => {
          if (this.timer) this.timer = setTimeout(round, this.everyMs);
        });
    };
    this.timer = setTimeout(round, this.everyMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Retries of dead letters, a listing set aside twice counting twice. */
  get retryCount(): number {
    return this.retries;
  }

  async retryAll(): Promise<number> {
    const deadLetters = await listDeadLetters(this.api);
    for (const listing of deadLetters) {
      await this.api.post(`/channels/listings/${listing.id}/retry`);
      this.retried.set(listing.id, listing.lastError);
      this.retries += 1;
    }
    return deadLetters.length;
  }
}

/** Every listing the service has set aside as a dead letter. */
export async function listDeadLetters(api: ServiceApi): Promise<ListingView[]> {
  const listings: ListingView[] = [];
  for (;;) {
    const page = await api.get<Page<ListingView>>(`/channels/listings?state=dead-letter&limit=1000&offset=${listings.length}`);
    listings.push(...page.items);
    if (page.items.length < 1000) return listings;
  }
}
