import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, UnsupportedMediaTypeException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { RequestValidationError } from './request-validation.error';
import { unstorableInput } from './storable-input';

/** What a route takes when its document says nothing else. */
const DEFAULT_MEDIA_TYPES = ['application/json'];

/** Routes documented with this take any body as it is (channel webhooks: the connector reads the raw bytes). */
export const ANY_MEDIA_TYPE = '*/*';

/** A body was sent: a length above zero, or chunks. */
function carriesBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
}

function mediaType(request: Request): string {
  return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Global, before any route reads its input (interceptors run before pipes and parameter
 * decorators). A body must come in a media type the route's OpenAPI document names (JSON unless it
 * says otherwise): a form or XML body sent to a JSON route would otherwise be read as no body, or as
 * strings, and a command could run without what the client meant to send. Then path parameters,
 * query and body are searched once for text no column can hold (NUL, lone surrogates) and for
 * absurd nesting, each refused with the field named, instead of reaching a database driver or a
 * recursive parser and failing as a 500.
 */
@Injectable()
export class InputScreenInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    if (carriesBody(request)) {
      const accepted = this.reflector.getAllAndOverride<string[] | undefined>(DECORATORS.API_CONSUMES, [context.getHandler(), context.getClass()]) ?? DEFAULT_MEDIA_TYPES;
      if (!accepted.includes(ANY_MEDIA_TYPE) && (!accepted.includes(mediaType(request)) || request.body === undefined)) {
        throw new UnsupportedMediaTypeException(
          `This route reads a body of type ${accepted.join(' or ')}; "${request.headers['content-type'] ?? '(none)'}" was sent.`,
        );
      }
    }
    const problems = [...unstorableInput(request.params), ...unstorableInput(request.query), ...unstorableInput(request.body)];
    if (problems.length > 0) throw new RequestValidationError(problems);
    return next.handle();
  }
}
