import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../auth/require-scope.decorator';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { ApiErrors, ApiZodQuery, ApiZodResponse } from '../openapi/api-doc.decorators';
import { ZonelessDates } from '../time/zoneless-dates.decorator';
import { AuditLog } from './audit-log.service';
import { type AuditQueryInput, auditQuerySchema } from './audit-query.schema';
import { auditPageSchema } from './audit-view.schema';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('audit')
@RequireScope('admin')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @ApiOperation({
    summary: 'The audit log, newest first: stock corrections, rule changes, accounts, listings and API keys, with the key that made each.',
  })
  @ZonelessDates({ query: ['from', 'to'] })
  @ApiZodQuery(auditQuerySchema)
  @ApiZodResponse(200, auditPageSchema)
  @ApiErrors(400)
  list(@Query(new ZodValidationPipe(auditQuerySchema)) query: AuditQueryInput) {
    return this.audit.list({ from: query.from, to: query.to, kinds: query.kind ?? [], actorKeyId: query.actor, before: query.before, limit: query.limit });
  }
}
