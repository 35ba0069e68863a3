/**
 * A separate OS process with its own database connection that fires reservations at one SKU and
 * prints how many succeeded, for the multi-process concurrency test.
 * argv: <sqlite file> <worker id> <count> <sku> <start at, epoch ms: all workers fire together>
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { InventoryLedger } from '../ledger/inventory-ledger';
import { InsufficientStockError } from '../ledger/ledger-errors';
import { inventoryOrmOptions } from '../persistence/orm-options';

async function main(): Promise<void> {
  const [file, worker, count, sku, startAt] = process.argv.slice(2);
  const orm = await MikroORM.init(inventoryOrmOptions({ url: file }));
  const ledger = new InventoryLedger(orm);
  await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
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
  await orm.close(true);
  process.stdout.write(`${JSON.stringify({ ok, refused })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
