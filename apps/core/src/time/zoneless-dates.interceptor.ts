import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { AppConfig } from '../config/app-config';
import { type FieldProblem, RequestValidationError } from '../http/request-validation.error';
import { impossibleDate, resolveZonelessDate } from './zoneless-date';
import { ZONELESS_DATE_FIELDS, type ZonelessDateFields } from './zoneless-dates.decorator';

function resolveFields(source: unknown, fields: string[] | undefined, timeZone: string): Record<string, unknown> | undefined {
  if (!fields || typeof source !== 'object' || source === null || Array.isArray(source)) return undefined;
  const record = { ...(source as Record<string, unknown>) };
  const problems: FieldProblem[] = [];
  for (const field of fields) {
    const value = record[field];
    if (typeof value !== 'string') continue;
    const impossible = impossibleDate(value);
    if (impossible) problems.push({ path: field, message: `${impossible}: "${value.slice(0, 40)}" is not a date` });
    else record[field] = resolveZonelessDate(value, timeZone);
  }
  if (problems.length > 0) throw new RequestValidationError(problems);
  return record;
}

/**
 * Operators write "2026-12-04 20:00" and mean Japan time, while the ledger stores UTC. Interceptors
 * run before pipes, so validation and the ledger see an unambiguous UTC instant. A date that names
 * no real day or time ("2026-02-30") is refused here, naming the field, before anything rolls it over.
 */
@Injectable()
export class ZonelessDatesInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const fields = this.reflector.get<ZonelessDateFields | undefined>(ZONELESS_DATE_FIELDS, context.getHandler());
    if (fields) {
      const request = context.switchToHttp().getRequest<Request>();
      const body = resolveFields(request.body, fields.body, this.config.timeZone);
      if (body) request.body = body;
      const query = resolveFields(request.query, fields.query, this.config.timeZone);
      // Express 5 computes req.query on every read; pin the resolved copy.
      if (query) Object.defineProperty(request, 'query', { value: query, configurable: true, enumerable: true });
    }
    return next.handle();
  }
}
