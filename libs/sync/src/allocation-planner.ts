import type { MikroORM } from '@mikro-orm/core';
import { allocateUnit, compileRuleSet, type AllocationUnit, type CompiledRuleSet } from '@urikiri/allocation';
import { TransactionRunner, type SqlSession } from '@urikiri/inventory';

/** With no rule set configured, every channel sees all available stock (shared pool). */
export const DEFAULT_RULE_SET = compileRuleSet({ version: 1, mode: 'shared', rules: [{ id: 'shared-pool', mode: 'shared' }] });

/** What caused a re-plan, so the latency of the resulting pushes can be measured from it. */
export interface PlanCause {
  /** When the ledger change was committed (outbox row time); defaults to now. */
  changedAt?: Date;
  /** When the channel sale behind the change happened, if a sale caused it. */
  originAt?: Date | null;
}

export interface PlanReport {
  /** Listings whose target changed: a push is owed to their accounts. */
  changed: number;
  accounts: string[];
  /** Sellable units left per SKU of the unit (for low-stock alerts). */
  stock: Array<{ sku: string; available: number }>;
}

/**
 * Runs the rule engine for the allocation unit of a product (the SKU, every bundle sharing its
 * components, and their listings) and records a new versioned target on each listing that changed.
 */
export class AllocationPlanner {
  private readonly tx: TransactionRunner;

  constructor(
    orm: MikroORM,
    private readonly ruleSet: () => CompiledRuleSet | Promise<CompiledRuleSet> = () => DEFAULT_RULE_SET,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.tx = new TransactionRunner(orm);
  }

  async plan(productId: number, cause: PlanCause = {}): Promise<PlanReport> {
    const sql = this.tx.session();
    const unit = await this.unitOf(sql, productId);
    const stock = unit.input.skus.map((s) => ({ sku: s.sku, available: s.available }));
    if (unit.listings.length === 0) return { changed: 0, accounts: [], stock };
    const now = this.clock();
    // The trace is kept with each new target, so "why did it show that" is answered later without re-running.
    const result = allocateUnit(await this.ruleSet(), unit.input, { now, trace: true });
    const changedAt = cause.changedAt ?? now;
    const accounts = new Set<string>();
    let changed = 0;
    for (const allocation of result.listings) {
      const listing = unit.listings.find((l) => String(l.id) === allocation.listingId);
      if (!listing) continue;
      if (listing.target === allocation.quantity) {
        // Same value, but a sale held this listing's push until a plan after it: release it, and owe
        // the account a round in case the held push is still pending.
        // A listing with nothing owed already holds this value: no push will carry the sale's origin.
        const released = await sql.run(
          `UPDATE listing SET planned_seq = ?, target_origin_at = CASE WHEN dirty = ? THEN target_origin_at ELSE NULL END
           WHERE id = ? AND planned_seq < ?`,
          [listing.replanSeq, sql.isPostgres ? true : 1, listing.id, listing.replanSeq],
        );
        if (released === 1) accounts.add(listing.accountId);
        // The channel shows something else than this unchanged target (it sold, and its share did
        // not move): a push is owed, under a new version since channels replay a repeated version.
        const owed = await sql.run(
          `UPDATE listing SET dirty = ?, target_version = target_version + 1
           WHERE id = ? AND target_version = ? AND dirty = ? AND active = ? AND last_published IS NOT NULL AND last_published <> target`,
          [sql.isPostgres ? true : 1, listing.id, listing.targetVersion, sql.isPostgres ? false : 0, sql.isPostgres ? true : 1],
        );
        if (owed === 1) accounts.add(listing.accountId);
        continue;
      }
      // Versioned compare-and-set: a planner that read an older target loses, and a later one wins.
      const updated = await sql.run(
        `UPDATE listing SET target = ?, target_version = target_version + 1, dirty = ?, target_why = ?,
           target_since = COALESCE(target_since, ?), target_origin_at = COALESCE(target_origin_at, ?),
           not_before = CASE WHEN failures = 0 THEN NULL ELSE not_before END, planned_seq = ?
         WHERE id = ? AND target_version = ?`,
        [
          allocation.quantity,
          sql.isPostgres ? true : 1,
          JSON.stringify(allocation.trace ?? []),
          sql.date(changedAt),
          cause.originAt ? sql.date(cause.originAt) : null,
          listing.replanSeq,
          listing.id,
          listing.targetVersion,
        ],
      );
      if (updated === 1) {
        changed++;
        accounts.add(listing.accountId);
      }
    }
    return { changed, accounts: [...accounts], stock };
  }

  /**
   * The allocation unit of a product exactly as `plan` reads it (stock, bundles, listings), without
   * planning: what a preview of another rule set runs on, so it shows what activating it would do.
   */
  async unitFor(productId: number): Promise<AllocationUnit> {
    return (await this.unitOf(this.tx.session(), productId)).input;
  }

  /** Every product some listing sells: what a rule change or a rule window opening re-plans. */
  async listedProducts(): Promise<number[]> {
    const rows = await this.tx.session().all<{ product_id: number }>('SELECT DISTINCT product_id FROM listing ORDER BY product_id');
    return rows.map((r) => Number(r.product_id));
  }

  /** The product's SKUs, closed over bundles that share components, with their listings and stock. */
  private async unitOf(sql: SqlSession, productId: number) {
    const skus = new Set<number>();
    const bundles = new Set<number>();
    const queue = [productId];
    while (queue.length > 0) {
      const id = queue.pop() as number;
      const asBundle = await sql.all<{ component_id: number }>('SELECT component_id FROM bundle_component WHERE bundle_id = ?', [id]);
      if (asBundle.length > 0) {
        if (bundles.has(id)) continue;
        bundles.add(id);
        for (const c of asBundle) queue.push(Number(c.component_id));
        continue;
      }
      if (skus.has(id)) continue;
      skus.add(id);
      const containing = await sql.all<{ bundle_id: number }>('SELECT bundle_id FROM bundle_component WHERE component_id = ?', [id]);
      for (const b of containing) queue.push(Number(b.bundle_id));
    }
    const productIds = [...skus, ...bundles];
    const inList = productIds.map(() => '?').join(', ');
    const products = await sql.all<{ id: number; code: string; tags: unknown }>(`SELECT id, code, tags FROM product WHERE id IN (${inList})`, productIds);
    const codeOf = new Map(products.map((p) => [Number(p.id), p.code]));
    const tagsOf = new Map(products.map((p) => [Number(p.id), parseTags(p.tags)]));
    // Listings (with the sale counter) are read before the stock, so a sale ingested in between leaves
    // plannedSeq behind replanSeq and holds the push until the plan that follows it.
    const listings = (
      await sql.all<Record<string, unknown>>(
        `SELECT l.id, l.account_id, l.product_id, l.active, l.target, l.target_version, l.replan_seq, a.connector FROM listing l
         JOIN channel_account a ON a.id = l.account_id WHERE l.product_id IN (${inList}) ORDER BY l.id`,
        productIds,
      )
    ).map((r) => ({
      id: Number(r['id']),
      accountId: String(r['account_id']),
      productId: Number(r['product_id']),
      active: r['active'] === true || r['active'] === 1,
      target: r['target'] === null ? null : Number(r['target']),
      targetVersion: Number(r['target_version']),
      replanSeq: Number(r['replan_seq']),
      channel: String(r['connector']),
    }));
    const stock = await sql.all<{ product_id: number; location: string; free: number }>(
      `SELECT sl.product_id, l.code AS location, sl.on_hand - sl.reserved AS free FROM stock_level sl JOIN location l ON l.id = sl.location_id
       WHERE sl.product_id IN (${[...skus].map(() => '?').join(', ')}) AND l.kind = 'warehouse' AND l.sellable = ?`,
      [...skus, sql.isPostgres ? true : 1],
    );
    const components = bundles.size
      ? await sql.all<{ bundle_id: number; component_id: number; quantity: number }>(
          `SELECT bundle_id, component_id, quantity FROM bundle_component WHERE bundle_id IN (${[...bundles].map(() => '?').join(', ')})`,
          [...bundles],
        )
      : [];
    const input: AllocationUnit = {
      skus: [...skus].map((id) => {
        const rows = stock.filter((s) => Number(s.product_id) === id);
        return {
          sku: codeOf.get(id) as string,
          available: rows.reduce((sum, r) => sum + Number(r.free), 0),
          byLocation: Object.fromEntries(rows.map((r) => [r.location, Number(r.free)])),
          tags: tagsOf.get(id) ?? [],
        };
      }),
      bundles: [...bundles].map((id) => ({
        bundleId: codeOf.get(id) as string,
        components: components.filter((c) => Number(c.bundle_id) === id).map((c) => ({ componentSku: codeOf.get(Number(c.component_id)) as string, quantity: Number(c.quantity) })),
        tags: tagsOf.get(id) ?? [],
      })),
      listings: listings.map((l) => ({
        listingId: String(l.id),
        channel: l.channel,
        account: l.accountId,
        item: bundles.has(l.productId) ? { bundleId: codeOf.get(l.productId) as string } : { sku: codeOf.get(l.productId) as string },
        active: l.active,
      })),
    };
    return { input, listings };
  }
}

function parseTags(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') {
    try {
      const parsed = JSON.parse(value) as unknown;
      return Array.isArray(parsed) ? parsed.map(String) : [];
    } catch {
      return [];
    }
  }
  return [];
}
