import { Module } from '@nestjs/common';
import { BackordersController } from './backorders.controller';
import { CatalogCsvController } from './catalog-csv.controller';
import { LedgerModule } from './ledger.module';
import { LocationsController } from './locations.controller';
import { ProductsController } from './products.controller';
import { PurchaseOrderReceipt } from './purchase-order-receipt.service';
import { PurchaseOrdersController } from './purchase-orders.controller';
import { ReplayController } from './replay.controller';
import { ReservationsController } from './reservations.controller';
import { StockCommandsController } from './stock-commands.controller';
import { StockController } from './stock.controller';

/** The ledger over HTTP, under /api/v1. */
@Module({
  imports: [LedgerModule],
  controllers: [
    ProductsController,
    LocationsController,
    PurchaseOrdersController,
    StockCommandsController,
    StockController,
    ReservationsController,
    BackordersController,
    ReplayController,
    CatalogCsvController,
  ],
  providers: [PurchaseOrderReceipt],
})
export class InventoryApiModule {}
