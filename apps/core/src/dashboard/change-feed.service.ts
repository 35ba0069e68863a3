import { MikroORM } from '@mikro-orm/core';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { TransactionRunner, type SqlSession } from '@urikiri/inventory';
import { Observable, Subject } from 'rxjs';
import type { ChangeEvent, ListingsEvent } from './change-feed.types';
import { LOOKBACK, unsent, type TableCursor } from './feed-cursor';

export const CHANGE_FEED_INTERVAL_MS = 1000;

/** The tables' cursors, and the listings' totals last sent. */
interface Cursor {
  movement: TableCursor;
  publish: TableCursor;
  totals: string;
}
// Rows per table per tick: a burst larger than this is delivered over the next ticks.
const BATCH = 500;

/**
 * New stock movements and channel publishes, read from the database by id, as a stream. It watches
 * the tables the ledger and the pushes write anyway (append-only, indexed by id), so it needs nothing
 * from the sync pipeline and sees changes made by any process. One poll per API process, and only
 * while someone is listening.
 */
@Injectable()
export class ChangeFeed implements OnModuleDestroy {
  private readonly logger = new Logger(ChangeFeed.name);
  private readonly tx: TransactionRunner;
  private readonly events = new Subject<ChangeEvent>();
  private listeners = 0;
  private timer: NodeJS.Timeout | undefined;
  private cursor: Cursor | undefined;
  private ticking = false;

  constructor(orm: MikroORM) {
    this.tx = new TransactionRunner(orm);
  }

  stream(): Observable<ChangeEvent> {
    return new Observable<ChangeEvent>((subscriber) => {
      const subscription = this.events.subscribe(subscriber);
      if (this.listeners++ === 0) this.start();
      return () => {
        subscription.unsubscribe();
        if (--this.listeners === 0) this.stop();
      };
    });
  }

  onModuleDestroy(): void {
    this.stop();
    // Completing ends every open stream, so the HTTP server can close instead of waiting on them.
    this.events.complete();
  }

  private start(): void {
    this.cursor = undefined;
    void this.tick();
    this.timer = setInterval(() => void this.tick(), CHANGE_FEED_INTERVAL_MS);
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const sql = this.tx.session();
      // Listeners load the current state themselves; the stream tells them what changes after.
      this.cursor ??= {
        movement: await baseline(sql, 'movement'),
        publish: await baseline(sql, 'publish_record'),
        totals: '',
      };
      const cursor = this.cursor;
      for (const event of [...(await movements(sql, cursor)), ...(await publishes(sql, cursor)), ...(await totals(sql, cursor))]) {
        this.events.next(event);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'The dashboard change feed could not read the database; trying again');
    } finally {
      this.ticking = false;
    }
  }
}

async function movements(sql: SqlSession, cursor: Cursor): Promise<ChangeEvent[]> {
  const rows = await sql.all(
    `SELECT m.id, m.kind, p.code, m.on_hand_delta, m.reserved_delta, m.created_at FROM movement m JOIN product p ON p.id = m.product_id
       WHERE m.id > ? ORDER BY m.id LIMIT ${BATCH}`,
    [Math.max(0, cursor.movement.last - LOOKBACK)],
  );
  return unsent(rows, cursor.movement).map((r) => ({
    type: 'movement',
    id: Number(r['id']),
    sku: String(r['code']),
    kind: String(r['kind']),
    onHandDelta: Number(r['on_hand_delta']),
    reservedDelta: Number(r['reserved_delta']),
    at: sql.readDate(r['created_at']).toISOString(),
  }));
}

async function publishes(sql: SqlSession, cursor: Cursor): Promise<ChangeEvent[]> {
  const rows = await sql.all(
    `SELECT r.id, r.listing_id, l.account_id, p.code, r.value, r.latency_ms, r.at FROM publish_record r
       JOIN listing l ON l.id = r.listing_id JOIN product p ON p.id = l.product_id WHERE r.id > ? ORDER BY r.id LIMIT ${BATCH}`,
    [Math.max(0, cursor.publish.last - LOOKBACK)],
  );
  return unsent(rows, cursor.publish).map((r) => ({
    type: 'publish',
    id: Number(r['id']),
    listingId: Number(r['listing_id']),
    account: String(r['account_id']),
    sku: String(r['code']),
    value: Number(r['value']),
    latencyMs: r['latency_ms'] === null ? null : Number(r['latency_ms']),
    at: sql.readDate(r['at']).toISOString(),
  }));
}

/** Failures and targets leave no row behind; the totals say when they moved. */
async function totals(sql: SqlSession, cursor: Cursor): Promise<ListingsEvent[]> {
  const yes = sql.isPostgres ? 'TRUE' : '1';
  const row = await sql.first(
    `SELECT SUM(CASE WHEN dirty = ${yes} AND active = ${yes} AND dead_letter <> ${yes} THEN 1 ELSE 0 END) AS owed,
         SUM(CASE WHEN dead_letter = ${yes} THEN 1 ELSE 0 END) AS dead_letters,
         SUM(CASE WHEN active = ${yes} AND target IS NOT NULL AND (last_published IS NULL OR last_published <> target) THEN 1 ELSE 0 END) AS drifting,
         SUM(target_version) AS versions, SUM(failures) AS failures
       FROM listing`,
  );
  const event: ListingsEvent = {
    type: 'listings',
    owed: Number(row?.['owed'] ?? 0),
    deadLetters: Number(row?.['dead_letters'] ?? 0),
    drifting: Number(row?.['drifting'] ?? 0),
  };
  const seen = JSON.stringify([event, String(row?.['versions'] ?? 0), String(row?.['failures'] ?? 0)]);
  if (seen === cursor.totals) return [];
  const first = cursor.totals === '';
  cursor.totals = seen;
  return first ? [] : [event];
}

/** What exists when someone starts listening counts as sent: listeners load the current state themselves. */
async function baseline(sql: SqlSession, table: 'movement' | 'publish_record'): Promise<TableCursor> {
  const last = Number((await sql.first(`SELECT COALESCE(MAX(id), 0) AS id FROM ${table}`))?.['id'] ?? 0);
  const recent = await sql.all(`SELECT id FROM ${table} WHERE id > ?`, [Math.max(0, last - LOOKBACK)]);
  return { last, sent: new Set(recent.map((r) => Number(r['id']))) };
}
