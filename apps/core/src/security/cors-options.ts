import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import { IDEMPOTENCY_KEY_HEADER } from '../http/idempotent-command.decorator';

/**
 * CORS for the origins an operator named, and only for them: the origin is compared exactly (no
 * patterns, no wildcard), and no cookies travel, since the API authenticates with a bearer key.
 */
export function corsOptions(origins: readonly string[]): CorsOptions {
  return {
    origin: [...origins],
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', IDEMPOTENCY_KEY_HEADER],
    exposedHeaders: ['Location', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'],
    credentials: false,
    maxAge: 600,
  };
}
