/**
 * Reservations per second on ONE hot SKU through the ledger's library call, next to the raw rate of
 * the bare conditional single-row UPDATE on the same PostgreSQL in the same run.
 * Options: --seconds N (per phase, default 5), --callers N (concurrent ledger callers, default 256).
 * Last line: {"ledgerPerSec","rawPerSec","ratio","connections":8,"oversells":0,...}
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { knex } from '@mikro-orm/knex';
import { cpus } from 'node:os';
import { CatalogService, InventoryLedger, InsufficientStockError, inventoryOrmOptions, LedgerReplayVerifier, StockQueryService } from '@urikiri/inventory';

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]]));
const seconds = Number(args.get('--seconds') ?? 5);
const callers = Number(args.get('--callers') ?? 256);
const adminUrl = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `urikiri_bench_${process.pid}`;
const dbUrl = adminUrl.replace(/\/[^/]*$/, `/${dbName}`);

async function admin(sql: string): Promise<void> {
  const k = knex({ client: 'pg', connection: adminUrl, pool: { min: 0, max: 1 } });
  try {
    await k.raw(sql);
  } finally {
    await k.destroy();
  }
}

/** Runs `work` from `parallel` loops for the time given; answers completions per second. */
async function rate(parallel: number, work: (loop: number, i: number) => Promise<boolean>): Promise<number> {
  const until = Date.now() + seconds * 1000;
  let done = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: parallel }, async (_, loop) => {
      for (let i = 0; Date.now() < until; i++) if (await work(loop, i)) done++;
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return Math.round(done / elapsed);
}

async function ledgerRate(connections: number, phase: string, grouped = true): Promise<number> {
  const orm = await MikroORM.init(inventoryOrmOptions({ url: dbUrl }, { pool: { min: connections, max: connections } }));
  // Ungrouped: one transaction per reservation, as many in flight as there are connections.
  const ledger = new InventoryLedger(orm, grouped ? {} : { combiner: { maxBatch: 1, maxInFlightPerSku: connections } });
  const perSec = await rate(callers, async (loop, i) => {
    await ledger.reserve({ idempotencyKey: `${phase}-${loop}-${i}`, sku: 'HOT', quantity: 1, order: { orderId: `${phase}-${loop}-${i}`, lineId: '1' } });
    return true;
  });
  await orm.close(true);
  return perSec;
}

async function rawRate(connections: number): Promise<number> {
  const k = knex({ client: 'pg', connection: dbUrl, pool: { min: connections, max: connections } });
  const perSec = await rate(connections, async () => {
    const res = await k.raw('UPDATE raw_stock SET reserved = reserved + 1 WHERE id = 1 AND on_hand - reserved >= 1');
    return (res as { rowCount: number }).rowCount === 1;
  });
  await k.destroy();
  return perSec;
}

/** A sell-out under the same load: exactly the units there are may be reserved, never one more. */
async function sellOut(connections: number): Promise<{ units: number; reserved: number; refused: number; oversells: number; replayConsistent: boolean }> {
  const orm = await MikroORM.init(inventoryOrmOptions({ url: dbUrl }, { pool: { min: connections, max: connections } }));
  const ledger = new InventoryLedger(orm);
  const units = 1000;
  await ledger.receive({ idempotencyKey: 'sellout-stock', sku: 'LIMITED', location: 'WH', quantity: units });
  let reserved = 0;
  let refused = 0;
  await Promise.all(
    Array.from({ length: 3000 }, (_, i) =>
      ledger
        .reserve({ idempotencyKey: `sellout-${i}`, sku: 'LIMITED', quantity: 1, order: { orderId: `s${i}`, lineId: '1' } })
        .then(() => reserved++)
        .catch((e: unknown) => {
          if (!(e instanceof InsufficientStockError)) throw e;
          refused++;
        }),
    ),
  );
  const stock = await new StockQueryService(orm).stock('LIMITED');
  const oversells = (await new StockQueryService(orm).oversellCount()).events + Math.max(0, stock.reserved - stock.onHand);
  const replayConsistent = (await new LedgerReplayVerifier(orm).verify()).consistent;
  await orm.close(true);
  return { units, reserved, refused, oversells: oversells + Math.max(0, reserved - units), replayConsistent };
}

async function main(): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin(`CREATE DATABASE ${dbName}`);
  try {
    const setup = await MikroORM.init(inventoryOrmOptions({ url: dbUrl }));
    await setup.schema.createSchema();
    const catalog = new CatalogService(setup);
    await catalog.createLocation({ code: 'WH', name: 'Warehouse' });
    await catalog.createProduct({ code: 'HOT', name: 'Hot SKU' });
    await catalog.createProduct({ code: 'LIMITED', name: 'Limited SKU' });
    await new InventoryLedger(setup).receive({ idempotencyKey: 'stock', sku: 'HOT', location: 'WH', quantity: 1_000_000_000 });
    await setup.em.getConnection().execute('CREATE TABLE raw_stock (id integer primary key, on_hand integer not null, reserved integer not null)');
    await setup.em.getConnection().execute('INSERT INTO raw_stock VALUES (1, 1000000000, 0)');
    await setup.close(true);

    const byConnections: Record<string, { ledgerPerSec: number; rawPerSec: number; ratio: number }> = {};
    for (const connections of [1, 8, 32]) {
      const rawPerSec = await rawRate(connections);
      const ledgerPerSec = await ledgerRate(connections, `c${connections}`);
      byConnections[connections] = { ledgerPerSec, rawPerSec, ratio: Number((ledgerPerSec / rawPerSec).toFixed(3)) };
      console.log(`connections=${connections}: ledger ${ledgerPerSec}/s, raw UPDATE ${rawPerSec}/s, ratio ${byConnections[connections].ratio}`);
    }
    const ungroupedPerSec = await ledgerRate(8, 'ungrouped', false);
    console.log(`connections=8 without grouping (one transaction per reservation): ledger ${ungroupedPerSec}/s`);
    const check = await sellOut(8);
    console.log(`sell-out: ${check.units} units, ${check.reserved} reserved, ${check.refused} refused, replay consistent: ${check.replayConsistent}`);
    const eight = byConnections['8'];
    console.log(
      JSON.stringify({
        ledgerPerSec: eight.ledgerPerSec,
        rawPerSec: eight.rawPerSec,
        ratio: eight.ratio,
        connections: 8,
        oversells: check.oversells,
        ledgerUngroupedPerSec: ungroupedPerSec,
        sellOut: check,
        byConnections,
        callers,
        secondsPerPhase: seconds,
        cores: cpus().length,
      }),
    );
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
