import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { openApiSchema } from '../openapi/zod-openapi-schema';
import { apiKeyViewSchema, createdApiKeySchema } from '../openapi/response-schemas';
import { apiKeyIdSchema, createApiKeySchema, type CreateApiKeyInput } from './api-keys.schema';
import { ApiKeyService } from './api-key.service';
import { RequireScope } from './require-scope.decorator';
import { Audited } from '../audit/audited.decorator';

@ApiTags('api keys')
@ApiBearerAuth()
@Controller('api-keys')
@RequireScope('admin')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeyService) {}

@Audited('api_key.create', { target: { result: 'id' }, body: ['name', 'scopes'] })
  @Post()
  @ApiOperation({ summary: 'Create an API key. The key is in this answer only; it is stored hashed.' })
  @ApiBody({ schema: openApiSchema(createApiKeySchema) })
  @ApiResponse({ status: 201, schema: openApiSchema(createdApiKeySchema) })
  create(@Body(new ZodValidationPipe(createApiKeySchema)) input: CreateApiKeyInput) {
    return this.apiKeys.create(input.name, input.scopes);
  }

  @Get()
  @ApiOperation({ summary: 'List API keys (prefix, scopes, revocation), never the keys themselves.' })
  @ApiResponse({ status: 200, schema: openApiSchema(apiKeyViewSchema.array()) })
  list() {
    return this.apiKeys.list();
  }

  @Audited('api_key.revoke')
  @Delete(':id')
  @ApiOperation({ summary: 'Revoke an API key; requests with it are refused from now on.' })
  @ApiParam({ name: 'id', type: Number })
  @ApiResponse({ status: 200, schema: openApiSchema(apiKeyViewSchema) })
  revoke(@Param('id', new ZodValidationPipe(apiKeyIdSchema, 'id')) id: number) {
    return this.apiKeys.revoke(id);
  }
}
