import { SetMetadata } from '@nestjs/common';

export const SKIP_RATE_LIMIT = 'urikiri:skip-rate-limit';

/**
 * Routes outside the API rate limit: channel webhooks (a channel's burst of orders must never be
 * refused; their signature check still applies) and health probes.
 */
export const SkipRateLimit = () => SetMetadata(SKIP_RATE_LIMIT, true);
