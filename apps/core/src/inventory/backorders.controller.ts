import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StockQueryService } from '@urikiri/inventory';
import type { z } from 'zod';
import { RequireScope } from '../auth/require-scope.decorator';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { ApiErrors, ApiZodQuery, ApiZodResponse } from '../openapi/api-doc.decorators';
import { backorderViewSchema, oversellCountSchema } from '../openapi/response-schemas';
import { backorderQuerySchema } from './inventory-query.schema';

@ApiTags('oversells')
@ApiBearerAuth()
@Controller('backorders')
@RequireScope('read')
export class BackordersController {
  constructor(private readonly stock: StockQueryService) {}

  @Get()
  @ApiOperation({ summary: 'Oversells (売り越し): order lines channels sold beyond our stock, newest first.' })
  @ApiZodQuery(backorderQuerySchema)
  @ApiZodResponse(200, backorderViewSchema.array())
  @ApiErrors(400)
  list(@Query(new ZodValidationPipe(backorderQuerySchema)) query: z.output<typeof backorderQuerySchema>) {
    return this.stock.backorders(query);
  }

  @Get('count')
  @ApiOperation({ summary: 'The oversell count: the figure urikiri exists to keep at zero.' })
  @ApiZodResponse(200, oversellCountSchema)
  @ApiErrors()
  count() {
    return this.stock.oversellCount();
  }
}
