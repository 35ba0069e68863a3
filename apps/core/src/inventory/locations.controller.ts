import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CatalogService, createLocationSchema, type CreateLocationInput } from '@urikiri/inventory';
import { RequireScope } from '../auth/require-scope.decorator';
import { Audited } from '../audit/audited.decorator';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { ApiErrors, ApiZodBody, ApiZodResponse } from '../openapi/api-doc.decorators';
import { locationViewSchema } from '../openapi/response-schemas';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('locations')
@RequireScope('read')
export class LocationsController {
  constructor(private readonly catalog: CatalogService) {}

@Audited('location.create', { target: { body: 'code' }, body: ['name', 'kind', 'sellable', 'priority'] })
  @Post()
  @RequireScope('write')
  @ApiOperation({
    summary: 'Create a location (倉庫): a warehouse, possibly not for sale, or a channel-held pool that is never counted.',
  })
  @ApiZodBody(createLocationSchema)
  @ApiZodResponse(201, locationViewSchema)
  @ApiErrors(400, 409)
  create(@Body(new ZodValidationPipe(createLocationSchema)) input: CreateLocationInput) {
    return this.catalog.createLocation(input);
  }

  @Get()
  @ApiOperation({ summary: 'Every location, in the order reservations draw from them.' })
  @ApiZodResponse(200, locationViewSchema.array())
  @ApiErrors()
  list() {
    return this.catalog.listLocations();
  }
}
