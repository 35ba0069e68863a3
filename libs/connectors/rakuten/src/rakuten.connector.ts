import {
  BaseConnector,
  ConnectorError,
  pushResultFromError,
  type CataloguePage,
  type ConnectorContext,
  type ConnectorOperation,
  type ListingSettingIssue,
  type OrderPage,
  type PushItem,
  type PushResult,
  type ReadResult,
  UncertainWriteJournal,
} from '@urikiri/connector-sdk';
import type { AxiosRequestConfig, AxiosResponse } from 'axios';
import { decodeCatalogueCursor, encodeCatalogueCursor } from './catalogue/catalogue-cursor.codec';
import { listingSettingIssues } from './catalogue/listing-settings.checker';
import { planInventoryWrite, type PlannedWrite } from './inventory/inventory-write.planner';
import { RakutenOrderPoller } from './orders/rakuten-order.poller';
import { AUTH_HINT, itemIndexOf, outcomeUnknown, readRakutenFailure } from './rakuten-failure.reader';
import { formatRakutenListingId, listingIdProblem, parseRakutenListingId, type RakutenListingRef } from './rakuten-listing-id.codec';
import { esaAuthorization, rakutenCredentials, type RakutenCredentials } from './rakuten.credentials';
import { rakutenManifest } from './rakuten.manifest';
import type {
  RakutenApiError,
  RakutenBulkGetRequest,
  RakutenBulkGetResponse,
  RakutenBulkUpsertRequest,
  RakutenItem,
  RakutenItemSearchResponse,
  RakutenUpsertItem,
  RakutenVariantUpsertRequest,
} from './rakuten-wire.types';

type Write = Extract<PlannedWrite, { write: RakutenUpsertItem }>;

/**
 * Rakuten Ichiba through the RMS Web Service. Pushes are RELATIVE changes from what urikiri last
 * published (Inventory API 2.0 bulk-upsert, 400 per call at 1 call/s; a single change goes by the
 * per-variant PUT), reads are bulk-get (1,000 per call), orders are polled with searchOrder and
 * getOrder, and the catalogue comes from the Items API 2.0.
 */
export class RakutenConnector extends BaseConnector<RakutenCredentials> {
  static readonly id = rakutenManifest.id;
  static readonly manifest = rakutenManifest;
  static readonly credentials = rakutenCredentials;

  private readonly journal = new UncertainWriteJournal();
  private readonly orders: RakutenOrderPoller;
  /** Set when RMS answered 503 during the current push batch: the rest of the batch waits. */
  private maintenance: ConnectorError | null = null;

  constructor(context: ConnectorContext) {
    super(RakutenConnector, context);
    this.orders = new RakutenOrderPoller((operation, config) => this.send(operation, config), this.clock, this.manifest.bulk.orders);
  }

  protected async authHeaders(): Promise<Record<string, string>> {
    return { authorization: esaAuthorization(this.credentials) };
  }

  /**
   * RMS's own codes and messages in every failure, and what to do about refused keys. Reads are
   * repeated once after a throttle (the gate has already waited the Retry-After): they change
   * nothing, and a delay on the way must not fail a whole poll. Writes report the throttle instead.
   */
  protected override async send<T>(operation: ConnectorOperation, config: AxiosRequestConfig): Promise<AxiosResponse<T>> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await super.send<T>(operation, config);
      } catch (error) {
        if (!(error instanceof ConnectorError)) {
          throw error;
        }
        if (error.kind === 'rate-limited' && operation !== 'push' && attempt === 0) {
          continue;
        }
        const failure = readRakutenFailure(error);
        const said = failure.summary === '' ? '' : `: ${failure.summary}`;
        const hint = error.kind === 'auth' ? `. ${AUTH_HINT}` : '';
        throw new ConnectorError(error.kind, `${error.message}${said}${hint}`, {
          retryAfterMs: error.retryAfterMs,
          httpStatus: error.httpStatus,
          code: failure.errors[0]?.code ?? error.code,
          cause: error.cause,
        });
      }
    }
  }

  override async push(items: PushItem[]): Promise<PushResult[]> {
    this.maintenance = null;
    return super.push(items);
  }

  protected async pushChunk(items: PushItem[]): Promise<PushResult[]> {
    if (this.maintenance !== null) {
      throw this.maintenance;
    }
    const results = new Map<PushItem, PushResult>();
    const valid: { item: PushItem; ref: RakutenListingRef }[] = [];
    for (const item of items) {
      const problem = listingIdProblem(item.listingId);
      if (problem === null) {
        valid.push({ item, ref: parseRakutenListingId(item.listingId) });
      } else {
        results.set(item, { listingId: item.listingId, version: item.version, status: 'permanent', code: 'invalid-listing-id', message: problem });
      }
    }
    // Read first: a record never published, and one whose assumed lost raise RMS has since disproved.
    // A sell-out is written as zero whatever RMS shows, so it needs no read.
    const toRead = valid
      .filter((v) => v.item.target !== 0 && (v.item.lastPublished === null || this.journal.needsReading(v.item.listingId)))
      .map((v) => v.item.listingId);
    const current = new Map((toRead.length > 0 ? await this.readChunk(toRead) : []).map((r) => [r.listingId, r]));
    let writes: Write[] = [];
    for (const { item, ref } of valid) {
      const read = current.get(item.listingId);
      const reading = item.lastPublished !== null && read?.found ? { lastPublished: item.lastPublished, shown: read.quantity } : undefined;
      const plan = planInventoryWrite(item, ref, read, this.journal.offsetOf(item.listingId, reading));
      if ('result' in plan) {
        results.set(item, plan.result);
      } else {
        writes.push(plan);
      }
    }
    while (writes.length > 0) {
      try {
        await this.sendWrites(writes);
        for (const { item } of writes) {
          const readBack = this.journal.settle(item.listingId);
          results.set(item, { listingId: item.listingId, version: item.version, status: 'ok', channelQuantity: null, ...(readBack ? { readBack } : {}) });
        }
        writes = [];
      } catch (error) {
        const refused = this.itemRefusals(writes, error);
        if (refused.size > 0) {
          // RMS applies nothing from a refused request: answer the refused items, send the rest again.
          refused.forEach((result, item) => results.set(item, result));
          writes = writes.filter((w) => !refused.has(w.item));
          continue;
        }
        this.noteFailure(writes, error);
        if (results.size === 0) {
          throw error;
        }
        writes.forEach(({ item }) => results.set(item, pushResultFromError(item, error)));
        writes = [];
      }
    }
    return items.map((item) => results.get(item) as PushResult);
  }

  private async sendWrites(writes: Write[]): Promise<void> {
    if (writes.length === 1) {
      const { manageNumber, variantId, mode, quantity } = writes[0].write;
      const body: RakutenVariantUpsertRequest = { mode, quantity };
      await this.send('push', {
        method: 'PUT',
        url: `/es/2.0/inventories/manage-numbers/${encodeURIComponent(manageNumber)}/variants/${encodeURIComponent(variantId)}`,
        data: body,
      });
      return;
    }
    const body: RakutenBulkUpsertRequest = { inventories: writes.map((w) => w.write) };
    await this.send('push', { method: 'POST', url: '/es/2.0/inventories/bulk-upsert', data: body });
  }

  /** Per-item answers when RMS refused the request for named items (400 IE...., 404 GE0014). */
  private itemRefusals(writes: Write[], error: unknown): Map<PushItem, PushResult> {
    const failure = readRakutenFailure(error);
    const refused = new Map<PushItem, PushResult>();
    if (failure.status !== 400 && failure.status !== 404) {
      return refused;
    }
    for (const e of failure.errors) {
      const index = writes.length === 1 ? 0 : itemIndexOf(e);
      const target = index === null ? undefined : writes[index];
      if (target && !refused.has(target.item)) {
        refused.set(target.item, this.refusalResult(target, e));
      }
    }
    return refused;
  }

  private refusalResult({ item, write }: Write, error: RakutenApiError): PushResult {
    const base = { listingId: item.listingId, version: item.version };
    const path = error.metadata?.propertyPath ?? '';
    if (write.mode === 'RELATIVE' && write.quantity < 0 && path.endsWith('quantity')) {
      // RMS holds less than the lowering expects: unseen sales, or an assumed lost raise that never landed.
      this.journal.disprove(item.listingId);
      return {
        ...base,
        status: 'stale',
        channelQuantity: null,
        message: `Rakuten shows fewer than the ${item.lastPublished} urikiri last published (${error.message}): it sold units not ingested yet; ingest Rakuten's orders, then push again`,
      };
    }
    const fix = error.code === 'GE0014' ? '; register this SKU in RMS or correct the listing id' : '';
    return { ...base, status: 'permanent', code: error.code, message: `Rakuten refused ${item.listingId}: ${error.code} ${error.message}${fix}` };
  }

  private noteFailure(writes: Write[], error: unknown): void {
    const failure = readRakutenFailure(error);
    if (outcomeUnknown(failure)) {
      for (const { item, write } of writes) {
        if (write.mode === 'RELATIVE') {
          this.journal.recordUnanswered(item.listingId, write.quantity);
        }
      }
    }
    if (failure.status === 503 && error instanceof ConnectorError) {
      this.maintenance = new ConnectorError('retryable', `${error.message}; the rest of this batch waits for RMS to come back`, {
        retryAfterMs: error.retryAfterMs,
        httpStatus: 503,
        code: error.code,
      });
    }
  }

  protected async readChunk(listingIds: string[]): Promise<ReadResult[]> {
    const refs = listingIds.filter((id) => listingIdProblem(id) === null).map(parseRakutenListingId);
    const quantities = new Map<string, number>();
    if (refs.length > 0) {
      try {
        const body: RakutenBulkGetRequest = { inventories: refs };
        const { data } = await this.send<RakutenBulkGetResponse>('read', { method: 'POST', url: '/es/2.0/inventories/bulk-get', data: body });
        data.inventories.forEach((r) => quantities.set(formatRakutenListingId(r), r.quantity));
      } catch (error) {
        // GE0014: none of them has an inventory record.
        if (readRakutenFailure(error).status !== 404) {
          throw error;
        }
      }
    }
    // An id RMS cannot hold cannot be on Rakuten: not found, without asking.
    return listingIds.map((listingId) => {
      const quantity = quantities.get(listingId);
      return quantity === undefined ? { listingId, found: false } : { listingId, found: true, quantity };
    });
  }

  async listCatalogue(cursor: string | null): Promise<CataloguePage> {
    const { mark, skip } = decodeCatalogueCursor(cursor);
    const size = this.manifest.bulk.catalogue;
    const { data } = await this.send<RakutenItemSearchResponse>('catalogue', {
      method: 'GET',
      url: '/es/2.0/items/search',
      params: { hits: size, cursorMark: mark, sortKey: 'manageNumber', sortOrder: 'asc' },
    });
    const variants = data.results.flatMap(({ item }) =>
      Object.entries(item.variants).map(([variantId, v]) => ({
        listingId: formatRakutenListingId({ manageNumber: item.manageNumber, variantId }),
        sellerSku: v.merchantDefinedSkuId,
        jan: v.articleNumber?.value ?? null,
        title: item.title,
      })),
    );
    const page = variants.slice(skip, skip + size);
    const read = new Map((await this.read(page.map((l) => l.listingId))).map((r) => [r.listingId, r]));
    let nextCursor: string | null = null;
    if (skip + size < variants.length) {
      nextCursor = encodeCatalogueCursor({ mark, skip: skip + size });
    } else if (data.results.length > 0 && data.nextCursorMark !== mark) {
      nextCursor = encodeCatalogueCursor({ mark: data.nextCursorMark, skip: 0 });
    }
    return {
      // A variant whose stock was never set has no inventory record yet: it shows 0 on Rakuten.
      listings: page.map((l) => {
        const r = read.get(l.listingId);
        return { ...l, quantity: r?.found ? r.quantity : 0 };
      }),
      nextCursor,
    };
  }

  async fetchOrders(cursor: string | null): Promise<OrderPage> {
    return this.orders.fetch(cursor);
  }

  async checkListingSettings(listingIds: string[]): Promise<ListingSettingIssue[]> {
    const issues: ListingSettingIssue[] = [];
    const byItem = new Map<string, string[]>();
    for (const listingId of listingIds) {
      const problem = listingIdProblem(listingId);
      if (problem !== null) {
        issues.push({ listingId, setting: 'listingId', message: problem, fix: 'Correct the listing id to the manageNumber:variantId shown in RMS.' });
        continue;
      }
      const { manageNumber, variantId } = parseRakutenListingId(listingId);
      byItem.set(manageNumber, [...(byItem.get(manageNumber) ?? []), variantId]);
    }
    for (const [manageNumber, variantIds] of byItem) {
      try {
        const { data } = await this.send<RakutenItem>('catalogue', { method: 'GET', url: `/es/2.0/items/manage-numbers/${encodeURIComponent(manageNumber)}` });
        issues.push(...listingSettingIssues(data, variantIds));
      } catch (error) {
        if (readRakutenFailure(error).status !== 404) {
          throw error;
        }
        issues.push(
          ...variantIds.map((variantId) => ({
            listingId: `${manageNumber}:${variantId}`,
            setting: 'manageNumber',
            message: `Rakuten has no item ${manageNumber} (GE0014).`,
            fix: 'Register the item in RMS or correct the listing id.',
          })),
        );
      }
    }
    return issues;
  }
}
