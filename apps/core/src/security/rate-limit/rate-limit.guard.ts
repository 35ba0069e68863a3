import { type CanActivate, type ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { hashApiKey } from '../../auth/api-key-secret';
import { sessionTokenFrom } from '../../auth/session-cookie';
import { type RateDecision, RateLimiter } from './rate-limiter';
import { SKIP_RATE_LIMIT } from './skip-rate-limit.decorator';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The bucket of the key a request presents, by a hash of it (the key itself is never written to
 * Redis); a dashboard request, which carries its session cookie instead, counts against its session.
 */
function keyBucket(request: Request): string | undefined {
  const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
  if (token) return `key:${hashApiKey(token).slice(0, 32)}`;
  const session = sessionTokenFrom(request);
  return session ? `session:${hashApiKey(session).slice(0, 32)}` : undefined;
}

/**
 * Counts every API request against its client address and against the key it presents, before the
 * key is even checked: a flood of wrong keys is limited like any other. Registered ahead of the
 * API key guard (see SecurityModule), so a refused request costs a Redis round trip and no database query.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(SKIP_RATE_LIMIT, [context.getHandler(), context.getClass()])) return true;
    const { perKeyPerMinute, perIpPerMinute } = this.config.security.rateLimit;
    const request = context.switchToHttp().getRequest<Request>();
    const key = keyBucket(request);
    const checks: Promise<{ scope: string; decision: RateDecision }>[] = [];
    if (perIpPerMinute > 0) checks.push(this.limiter.take(`ip:${request.ip ?? 'unknown'}`, perIpPerMinute).then((decision) => ({ scope: 'client address', decision })));
    if (perKeyPerMinute > 0 && key) checks.push(this.limiter.take(key, perKeyPerMinute).then((decision) => ({ scope: key.startsWith('session:') ? 'session' : 'API key', decision })));
    if (checks.length === 0) return true;
    const results = await Promise.all(checks);
    // The headers describe the bucket that binds: a refused one, else the one with the fewest requests left.
    const refused = results.find((result) => !result.decision.allowed);
    const binding = refused ?? results.reduce((a, b) => (b.decision.remaining < a.decision.remaining ? b : a));
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader('RateLimit-Limit', String(binding.decision.limit));
    response.setHeader('RateLimit-Remaining', String(binding.decision.remaining));
    response.setHeader('RateLimit-Reset', String(Math.ceil(binding.decision.resetMs / 1000)));
    if (!refused) return true;
    const seconds = Math.max(1, Math.ceil(refused.decision.retryAfterMs / 1000));
    response.setHeader('Retry-After', String(seconds));
    throw new HttpException(
      `Too many requests: at most ${refused.decision.limit} per minute per ${refused.scope}. Retry after ${seconds} s.`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
