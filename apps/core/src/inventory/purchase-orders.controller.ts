import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CatalogService, createPurchaseOrderSchema, type CreatePurchaseOrderInput } from '@urikiri/inventory';
import type { z } from 'zod';
import { RequireScope } from '../auth/require-scope.decorator';
import { Audited } from '../audit/audited.decorator';
import { IdempotentCommand } from '../http/idempotent-command.decorator';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  ApiErrors,
  ApiIdempotencyKeyHeader,
  ApiZodBody,
  ApiZodQuery,
  ApiZodResponse,
} from '../openapi/api-doc.decorators';
import { purchaseOrderViewSchema, stockChangeResultSchema } from '../openapi/response-schemas';
import { ZonelessDates } from '../time/zoneless-dates.decorator';
import { purchaseOrderQuerySchema } from './inventory-query.schema';
import {
  PurchaseOrderReceipt,
  type ReceivePurchaseOrderCommand,
  receivePurchaseOrderSchema,
} from './purchase-order-receipt.service';

@ApiTags('purchase orders')
@ApiBearerAuth()
@Controller('purchase-orders')
@RequireScope('read')
export class PurchaseOrdersController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly receipt: PurchaseOrderReceipt,
  ) {}

@Audited('purchase_order.create', { target: { body: 'reference' }, body: ['sku', 'location', 'quantity', 'expectedAt'] })
  @Post()
  @RequireScope('write')
  @ApiOperation({ summary: 'Record an inbound purchase order (発注 / 入荷予定): SKU, quantity, expected arrival, location.' })
  @ZonelessDates({ body: ['expectedAt'] })
  @ApiZodBody(createPurchaseOrderSchema)
  @ApiZodResponse(201, purchaseOrderViewSchema)
  @ApiErrors(400, 404, 409)
  create(@Body(new ZodValidationPipe(createPurchaseOrderSchema)) input: CreatePurchaseOrderInput) {
    return this.catalog.createPurchaseOrder(input);
  }

  @Get()
  @ApiOperation({ summary: 'Purchase orders by expected arrival, filtered by SKU and status.' })
  @ApiZodQuery(purchaseOrderQuerySchema)
  @ApiZodResponse(200, purchaseOrderViewSchema.array())
  @ApiErrors(400, 404)
  list(@Query(new ZodValidationPipe(purchaseOrderQuerySchema)) query: z.output<typeof purchaseOrderQuerySchema>) {
    return this.catalog.listPurchaseOrders(query);
  }

  @Audited('purchase_order.receive', { body: ['quantity', 'idempotencyKey'] })
  @Post(':reference/receive')
  @RequireScope('write')
  @HttpCode(200)
  @ApiIdempotencyKeyHeader()
  @ApiOperation({ summary: 'Receive units of a purchase order at its location; open backorders are filled first.' })
  @ApiParam({ name: 'reference' })
  @ApiZodBody(receivePurchaseOrderSchema.omit({ reference: true }))
  @ApiZodResponse(200, stockChangeResultSchema)
  @ApiErrors(400, 404, 409)
  receive(@IdempotentCommand(receivePurchaseOrderSchema) command: ReceivePurchaseOrderCommand) {
    return this.receipt.receive(command);
  }
}
