import type { ConnectorManifest } from '@urikiri/connector-sdk';
import { amazonManifest as amazon } from '@urikiri/connector-amazon';
import { orderPollIntervalMs, pushRateLimit } from './channel-rate-limits';

const withLimits = (rateLimits: Partial<ConnectorManifest['rateLimits']>) =>
  ({ ...amazon, rateLimits: { ...amazon.rateLimits, ...rateLimits } }) as ConnectorManifest;

describe('channel rate limits', () => {
  it('limits an account push queue to the sustained rate of the channel', () => {
    expect(pushRateLimit(withLimits({ push: { kind: 'token-bucket', ratePerSecond: 5, burst: 10 } }))).toEqual({ max: 5, duration: 1000 });
    expect(pushRateLimit(withLimits({ push: { kind: 'token-bucket', ratePerSecond: 0.5, burst: 1 } }))).toEqual({ max: 1, duration: 2000 });
    expect(pushRateLimit(withLimits({ push: { kind: 'leaky-bucket', capacity: 1000, leakPerSecond: 50, costPerCall: 10 } }))).toEqual({ max: 5, duration: 1000 });
  });

  it('never polls orders faster than the channel allows its order search over time', () => {
    const slow = withLimits({ orders: { kind: 'token-bucket', ratePerSecond: 1 / 180, burst: 20 } });
    expect(orderPollIntervalMs(slow, 10_000)).toBe(180_000);
    const fast = withLimits({ orders: { kind: 'token-bucket', ratePerSecond: 1, burst: 1 } });
    expect(orderPollIntervalMs(fast, 10_000)).toBe(10_000);
  });
});
