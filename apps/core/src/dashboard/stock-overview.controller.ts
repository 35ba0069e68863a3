import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../auth/require-scope.decorator';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { ApiErrors, ApiZodQuery } from '../openapi/api-doc.decorators';
import { StockOverviewQuery, type StockOverview } from './stock-overview.query';
import { stockOverviewQuerySchema, type StockOverviewParams } from './stock-overview.schema';

@ApiTags('stock')
@ApiBearerAuth()
@Controller('stock-overview')
@RequireScope('read')
export class StockOverviewController {
  constructor(private readonly overview: StockOverviewQuery) {}

  @Get()
  @ApiOperation({
    summary:
      "Many SKUs at once: on hand, reserved, available, their listings' state (owed, dead letters, drifting) and why the rules in force put them at risk; filter by low stock, dead letters, drift or risk.",
  })
  @ApiZodQuery(stockOverviewQuerySchema)
  @ApiErrors(400)
  list(@Query(new ZodValidationPipe(stockOverviewQuerySchema)) query: StockOverviewParams): Promise<StockOverview> {
    return this.overview.read(query);
  }
}
