import { type CallHandler, type ExecutionContext, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { mergeMap, type Observable } from 'rxjs';
import type { ApiKeyView } from '../auth/api-key.service';
import { AUDITED, type AuditSpec } from './audited.decorator';
import { AuditLog } from './audit-log.service';
import { auditRecord } from './audit-record';

/**
 * The one place audit entries are written: after a route marked @Audited succeeded, before its
 * answer leaves, so a client that saw the 2xx can find the entry. A refused request (4xx, 5xx)
 * changed nothing and leaves none. If the entry cannot be written, the change has happened all the
 * same: the entry goes to the error log in full instead, and the answer is not turned into a failure.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditInterceptor.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<AuditSpec | undefined>(AUDITED, context.getHandler());
    if (!spec) return next.handle();
    const request = context.switchToHttp().getRequest<Request & { apiKey?: ApiKeyView }>();
    if (spec.skipDryRun && request.query['dryRun'] === 'true') return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      mergeMap(async (result: unknown) => {
        const record = auditRecord(spec, request, result, response.statusCode);
        try {
          await this.audit.record(record);
        } catch (error) {
          this.logger.error({ err: error, audit: record }, `The audit entry of ${record.kind} could not be written; it is kept in this log line`);
        }
        return result;
      }),
    );
  }
}
