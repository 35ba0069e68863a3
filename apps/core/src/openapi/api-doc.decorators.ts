import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiQuery, ApiResponse, type SchemaObject } from '@nestjs/swagger';
import type { z } from 'zod';
import { IDEMPOTENCY_KEY_HEADER } from '../http/idempotent-command.decorator';
import { errorBodySchema } from './response-schemas';
import { openApiSchema } from './zod-openapi-schema';

const ERROR_MEANINGS: Record<number, string> = {
  400: 'Bad input: `issues` names each field and what is accepted.',
  401: 'No API key, or an unknown or revoked one.',
  403: 'The API key lacks the scope this route needs.',
  404: 'Unknown SKU, location, reservation, purchase order or simulation.',
  409: 'Duplicate code, idempotency key reused with another body, insufficient stock or invalid state.',
};

/** The request body, from the zod schema that validates it. */
export const ApiZodBody = (schema: z.ZodType) => ApiBody({ schema: openApiSchema(schema) });

/** The success answer, from the zod schema typed against the returned view. */
export const ApiZodResponse = (status: number, schema: z.ZodType, description?: string) =>
  ApiResponse({ status, schema: openApiSchema(schema), description });

/** The error answers a route can give, all in the one shape the exception filter writes. */
export const ApiErrors = (...statuses: number[]) =>
  applyDecorators(
    ...[401, 403, ...statuses].map((status) =>
      ApiResponse({ status, description: ERROR_MEANINGS[status], schema: openApiSchema(errorBodySchema) }),
    ),
  );

/** One query parameter per property of an object schema. */
export function ApiZodQuery(schema: z.ZodObject) {
  const json = openApiSchema(schema);
  const required = new Set(json.required ?? []);
  const properties = (json.properties ?? {}) as Record<string, SchemaObject>;
  return applyDecorators(
    ...Object.entries(properties).map(([name, property]) =>
      ApiQuery({ name, required: required.has(name), schema: property, description: property.description }),
    ),
  );
}

/** The idempotency key header every ledger command accepts. */
export const ApiIdempotencyKeyHeader = () =>
  ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description:
      'Or `idempotencyKey` in the body. The same key again returns the first result and changes nothing; ' +
      'with a different body it is refused with 409.',
  });
