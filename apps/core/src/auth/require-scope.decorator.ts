import { SetMetadata } from '@nestjs/common';
import type { ApiKeyScope } from './api-key-scope';

export const REQUIRED_SCOPE = 'urikiri:required-scope';
export const PUBLIC_ROUTE = 'urikiri:public-route';

/** The scope a route needs; on a controller it applies to every route the method does not override. */
export const RequireScope = (scope: ApiKeyScope) => SetMetadata(REQUIRED_SCOPE, scope);

/** Routes open without a key: health checks, and channel webhooks, which verify their own signatures. */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);
