import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RateLimiter } from './rate-limit/rate-limiter';

/**
 * The API rate limit. Nest runs global guards in the order their modules are scanned, so this
 * module is imported before AuthModule: the limit is applied before the key is looked up.
 */
@Module({
  providers: [RateLimiter, { provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class SecurityModule {}
