import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  adjustCommandSchema,
  type AdjustCommand,
  InventoryLedger,
  receiveCommandSchema,
  type ReceiveCommand,
  returnCommandSchema,
  type ReturnCommand,
  transferCommandSchema,
  type TransferCommand,
} from '@urikiri/inventory';
import { RequireScope } from '../auth/require-scope.decorator';
import { Audited } from '../audit/audited.decorator';
import { IdempotentCommand } from '../http/idempotent-command.decorator';
import { ApiErrors, ApiIdempotencyKeyHeader, ApiZodBody, ApiZodResponse } from '../openapi/api-doc.decorators';
import { stockChangeResultSchema, transferResultSchema } from '../openapi/response-schemas';

@ApiTags('stock')
@ApiBearerAuth()
@ApiIdempotencyKeyHeader()
@Controller('stock')
@RequireScope('write')
export class StockCommandsController {
  constructor(private readonly ledger: InventoryLedger) {}

  @Audited('stock.receive', { target: { body: 'sku' }, body: ['location', 'quantity', 'purchaseOrder', 'reference', 'idempotencyKey'] })
  @Post('receive')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Receive units (入荷) at a location, optionally against a purchase order. Open backorders are filled first.',
  })
  @ApiZodBody(receiveCommandSchema)
  @ApiZodResponse(200, stockChangeResultSchema)
  @ApiErrors(400, 404, 409)
  receive(@IdempotentCommand(receiveCommandSchema) command: ReceiveCommand) {
    return this.ledger.receive(command);
  }

  @Audited('stock.adjust', { target: { body: 'sku' }, body: ['location', 'delta', 'reason', 'note', 'reference', 'idempotencyKey'] })
  @Post('adjust')
  @HttpCode(200)
  @ApiOperation({ summary: 'Correct on-hand units (stocktake, damage, loss) with a reason; never below what is reserved.' })
  @ApiZodBody(adjustCommandSchema)
  @ApiZodResponse(200, stockChangeResultSchema)
  @ApiErrors(400, 404, 409)
  adjust(@IdempotentCommand(adjustCommandSchema) command: AdjustCommand) {
    return this.ledger.adjust(command);
  }

  @Audited('stock.transfer', { target: { body: 'sku' }, body: ['from', 'to', 'quantity', 'reference', 'idempotencyKey'] })
  @Post('transfer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move unreserved units of a SKU from one location to another.' })
  @ApiZodBody(transferCommandSchema)
  @ApiZodResponse(200, transferResultSchema)
  @ApiErrors(400, 404, 409)
  transfer(@IdempotentCommand(transferCommandSchema) command: TransferCommand) {
    return this.ledger.transfer(command);
  }

  @Audited('stock.return', { target: { body: 'sku' }, body: ['location', 'quantity', 'reference', 'idempotencyKey'] })
  @Post('return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take returned units (返品) back in; a not-for-sale location keeps them off the channels.' })
  @ApiZodBody(returnCommandSchema)
  @ApiZodResponse(200, stockChangeResultSchema)
  @ApiErrors(400, 404, 409)
  returnStock(@IdempotentCommand(returnCommandSchema) command: ReturnCommand) {
    return this.ledger.returnStock(command);
  }
}
