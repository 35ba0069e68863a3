import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { z } from 'zod';
import { RequestValidationError } from './request-validation.error';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A ledger command from the body and the route's parameters (`:reservationId`), its idempotency key
 * taken from the `Idempotency-Key` header or the body's `idempotencyKey` (either; both only when they
 * agree), validated by the ledger's own schema.
 */
export function parseIdempotentCommand<S extends z.ZodType>(
  schema: S,
  rawBody: unknown,
  headerKey: string | undefined,
  params: Record<string, string> = {},
): z.output<S> {
  // A command whose every field is in the path and header may come without a body at all.
  const body = rawBody ?? {};
  if (!isRecord(body)) {
    throw new RequestValidationError([{ path: '', message: 'must be a JSON object' }]);
  }
  for (const [name, value] of Object.entries(params)) {
    if (body[name] !== undefined && body[name] !== value) {
      throw new RequestValidationError([{ path: name, message: `differs from the ${name} in the path; leave it out of the body` }]);
    }
  }
  const bodyKey = body['idempotencyKey'];
  if (headerKey !== undefined && bodyKey !== undefined && bodyKey !== headerKey) {
    throw new RequestValidationError([
      { path: 'idempotencyKey', message: `differs from the ${IDEMPOTENCY_KEY_HEADER} header; send one of them, or the same key in both` },
    ]);
  }
  const idempotencyKey = bodyKey ?? headerKey;
  if (idempotencyKey === undefined) {
    throw new RequestValidationError([
      { path: 'idempotencyKey', message: `is required, in the body or as the ${IDEMPOTENCY_KEY_HEADER} header` },
    ]);
  }
  const result = schema.safeParse({ ...body, ...params, idempotencyKey });
  if (!result.success) throw RequestValidationError.fromZod(result.error);
  return result.data;
}

const idempotentCommandParam = createParamDecorator((data: { schema: z.ZodType }, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<Request>();
  return parseIdempotentCommand(data.schema, request.body, request.header(IDEMPOTENCY_KEY_HEADER), request.params);
});

/**
 * The schema travels wrapped: Nest takes any decorator argument with a `transform` method (as zod
 * schemas have) for a pipe.
 */
export const IdempotentCommand = (schema: z.ZodType) => idempotentCommandParam({ schema });
