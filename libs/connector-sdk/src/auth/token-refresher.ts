import type { Clock } from '../rate-limit/token-bucket';

export interface AccessToken {
  accessToken: string;
  /** Lifetime the channel announced, e.g. LWA's `expires_in` × 1000. */
  expiresInMs: number;
}

export interface TokenRefresherOptions {
  fetchToken: () => Promise<AccessToken>;
  clock?: Clock;
  /** Refresh this long before the announced expiry, so a token does not die in flight. */
  skewMs?: number;
}

/**
 * Caches a short-lived access token (Amazon LWA, OAuth2 channels) and refreshes it before it expires
 * or after the channel refused it. Concurrent callers share one refresh call: twenty parallel pushes
 * must not start twenty token requests.
 */
export class TokenRefresher {
  private readonly fetchToken: () => Promise<AccessToken>;
  private readonly clock: Clock;
  private readonly skewMs: number;
  private current: { token: string; expiresAt: number } | null = null;
  private inFlight: Promise<string> | null = null;

  constructor(options: TokenRefresherOptions) {
    this.fetchToken = options.fetchToken;
    this.clock = options.clock ?? Date.now;
    this.skewMs = options.skewMs ?? 30_000;
  }

  async get(): Promise<string> {
    if (this.current && this.clock() < this.current.expiresAt - this.skewMs) {
      return this.current.token;
    }
    if (!this.inFlight) {
      this.inFlight = this.refresh().finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  /** Forget the token after the channel refused it; the next `get` fetches a new one. */
  invalidate(): void {
    this.current = null;
  }

  private async refresh(): Promise<string> {
    const fetched = await this.fetchToken();
    this.current = { token: fetched.accessToken, expiresAt: this.clock() + fetched.expiresInMs };
    return fetched.accessToken;
  }
}
