import type { MikroORM } from '@mikro-orm/core';
import { CatalogService } from '../catalog/catalog.service';
import { InventoryLedger } from '../ledger/inventory-ledger';

/** A small catalogue: two sellable warehouses, a not-for-sale returns area, an FBA pool. */
export async function seedCatalog(orm: MikroORM): Promise<{ catalog: CatalogService; ledger: InventoryLedger }> {
  const catalog = new CatalogService(orm);
  const ledger = new InventoryLedger(orm);
  await catalog.createLocation({ code: 'TOKYO', name: '東京倉庫', priority: 10 });
  await catalog.createLocation({ code: 'OSAKA', name: '大阪倉庫', priority: 20 });
  await catalog.createLocation({ code: 'RETURNS', name: '返品棚', sellable: false, priority: 90 });
  await catalog.createLocation({ code: 'FBA', name: 'Amazon FBA', kind: 'channel_held', priority: 99 });
  return { catalog, ledger };
}
