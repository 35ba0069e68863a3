/**
 * A separate OS process with its own database connection that fires reservations at one SKU and
 * prints how many succeeded, for the multi-process concurrency test.
 * argv: <sqlite file> <worker id> <count> <sku>. Once connected it writes `<file>.ready-<id>` and waits
 * for `<file>.go`, so that all workers fire together however slowly each one started.
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { existsSync, writeFileSync } from 'node:fs';
import { InventoryLedger } from '../ledger/inventory-ledger';
import { InsufficientStockError } from '../ledger/ledger-errors';
import { inventoryOrmOptions } from '../persistence/orm-options';

async function main(): Promise<void> {
  const [file, worker, count, sku] = process.argv.slice(2);
  const orm = await MikroORM.init(inventoryOrmOptions({ url: file }));
  // One transaction per reservation: the processes compete on the row, not inside one batch.
  const ledger = new InventoryLedger(orm, { combiner: { maxBatch: 1, maxInFlightPerSku: 4 } });
  writeFileSync(`${file}.ready-${worker}`, '');
  while (!existsSync(`${file}.go`)) await new Promise((r) => setTimeout(r, 10));
  const startedAt = Date.now();
  let ok = 0;
  let refused = 0;
  await Promise.all(
    Array.from({ length: Number(count) }, async (_, i) => {
      try {
        await ledger.reserve({ idempotencyKey: `w${worker}-${i}`, sku, quantity: 1, order: { orderId: `w${worker}-${i}`, lineId: '1' } });
        ok++;
      } catch (error) {
        if (!(error instanceof InsufficientStockError)) throw error;
        refused++;
      }
    }),
  );
  const finishedAt = Date.now();
  await orm.close(true);
  process.stdout.write(`${JSON.stringify({ ok, refused, startedAt, finishedAt })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
