import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { RequestValidationError } from './request-validation.error';

/**
 * Validates a body, query or parameter with the same zod schema the OpenAPI document publishes.
 * `location` prefixes the paths of query and header problems so the answer says where to look.
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly schema: S,
    private readonly location?: string,
  ) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value ?? {});
    if (!result.success) {
      throw RequestValidationError.fromZod(result.error, this.location ? [this.location] : []);
    }
    return result.data;
  }
}
