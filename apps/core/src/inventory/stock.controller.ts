import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { movementQuerySchema, type MovementQuery, StockQueryService } from '@urikiri/inventory';
import { RequireScope } from '../auth/require-scope.decorator';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { ApiErrors, ApiZodQuery, ApiZodResponse } from '../openapi/api-doc.decorators';
import { movementPageSchema, skuStockSchema } from '../openapi/response-schemas';
import { ZonelessDates } from '../time/zoneless-dates.decorator';

@ApiTags('stock')
@ApiBearerAuth()
@Controller()
@RequireScope('read')
export class StockController {
  constructor(private readonly stock: StockQueryService) {}

  @Get('stock/:sku')
  @ApiOperation({
    summary: 'Stock (在庫) of a SKU: on hand, reserved, available, backordered, per location; a bundle’s complete sets.',
  })
  @ApiZodResponse(200, skuStockSchema)
  @ApiErrors(404)
  get(@Param('sku') sku: string) {
    return this.stock.stock(sku);
  }

  @Get('movements')
  @ApiOperation({
    summary: 'Movement history, newest first, filtered by SKU, location, kind, reference and time; paged with `before`.',
  })
  @ZonelessDates({ query: ['from', 'to'] })
  @ApiZodQuery(movementQuerySchema)
  @ApiZodResponse(200, movementPageSchema)
  @ApiErrors(400)
  movements(@Query(new ZodValidationPipe(movementQuerySchema)) query: MovementQuery) {
    return this.stock.movements(query);
  }
}
