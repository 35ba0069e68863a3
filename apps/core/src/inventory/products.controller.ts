import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CatalogService,
  createBundleSchema,
  createProductSchema,
  type CreateBundleInput,
  type CreateProductInput,
  listProductsSchema,
  type ListProductsQuery,
} from '@urikiri/inventory';
import { RequireScope } from '../auth/require-scope.decorator';
import { Audited } from '../audit/audited.decorator';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { ApiErrors, ApiZodBody, ApiZodQuery, ApiZodResponse } from '../openapi/api-doc.decorators';
import { productPageSchema, productViewSchema } from '../openapi/response-schemas';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller()
@RequireScope('read')
export class ProductsController {
  constructor(private readonly catalog: CatalogService) {}

  @Audited('product.create', { target: { body: 'code' }, body: ['name', 'jan', 'tags'] })
  @Post('products')
  @RequireScope('write')
  @ApiOperation({ summary: 'Create a SKU (商品).' })
  @ApiZodBody(createProductSchema)
  @ApiZodResponse(201, productViewSchema)
  @ApiErrors(400, 409)
  createProduct(@Body(new ZodValidationPipe(createProductSchema)) input: CreateProductInput) {
    return this.catalog.createProduct(input);
  }

  @Audited('bundle.create', { target: { body: 'code' }, body: ['name', 'components'] })
  @Post('bundles')
  @RequireScope('write')
  @ApiOperation({ summary: 'Create a bundle (セット商品) of existing SKUs; its availability is derived from theirs.' })
  @ApiZodBody(createBundleSchema)
  @ApiZodResponse(201, productViewSchema)
  @ApiErrors(400, 409)
  createBundle(@Body(new ZodValidationPipe(createBundleSchema)) input: CreateBundleInput) {
    return this.catalog.createBundle(input);
  }

  @Get('products')
  @ApiOperation({ summary: 'List SKUs and bundles: search in code, name and JAN; filter by tag and kind; paged.' })
  @ApiZodQuery(listProductsSchema)
  @ApiZodResponse(200, productPageSchema)
  @ApiErrors(400)
  list(@Query(new ZodValidationPipe(listProductsSchema)) query: ListProductsQuery) {
    return this.catalog.listProducts(query);
  }

  @Get('products/:code')
  @ApiOperation({ summary: 'One SKU or bundle by its code, with a bundle’s components.' })
  @ApiZodResponse(200, productViewSchema)
  @ApiErrors(404)
  get(@Param('code') code: string) {
    return this.catalog.getProduct(code);
  }
}
