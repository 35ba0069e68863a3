import type {
  FaultInjector,
  SandboxAuth,
  SandboxRequest,
  SandboxResponse,
} from '@urikiri/connector-sdk/testing';
import type { ThrottleGuard } from './throttle.guard';
import type { YahooSandboxStock } from './yahoo-sandbox.stock';
import { yahooError } from './yahoo-sandbox.errors';

/** What every route of the sandbox shares: the shop, its tokens, its limits and its faults. */
export interface YahooSandboxContext {
  stock: YahooSandboxStock;
  auth: SandboxAuth;
  throttle: ThrottleGuard;
  faults: () => FaultInjector;
  sellerId: string;
  isRevoked: () => boolean;
  maxQuantity: number;
}

/**
 * The checks every store API call passes before its own: the URL's limit, then the Bearer token
 * (401 with WWW-Authenticate, as Yahoo! ID連携 does), then the seller the token belongs to.
 */
export function admit(
  context: YahooSandboxContext,
  req: SandboxRequest,
  operation: string,
  sellerId: unknown,
): SandboxResponse | null {
  const limited = context.throttle.admit(operation);
  if (limited) {
    return limited;
  }
  const header = req.headers.authorization;
  const token =
    typeof header === 'string' && header.startsWith('Bearer ')
      ? header.slice(7)
      : undefined;
  const check = context.isRevoked() ? 'unknown' : context.auth.check(token);
  if (check !== 'valid') {
    const reason =
      check === 'expired'
        ? 'The access token expired'
        : 'The access token is invalid';
    return yahooError(401, reason, undefined, {
      'www-authenticate': `Bearer error="invalid_token", error_description="${reason}"`,
    });
  }
  if (sellerId !== context.sellerId) {
    return yahooError(
      403,
      `seller_id "${String(sellerId ?? '')}" is not the store this token was issued for`,
    );
  }
  return null;
}
