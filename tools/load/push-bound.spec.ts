import { idealPushLatencies } from './push-bound';

describe('the ideal scheduler behind the push bound', () => {
  const oneASecond = { kind: 'token-bucket' as const, ratePerSecond: 1, burst: 1 };

  it('pushes a lone change at once: its latency is the round trip', () => {
    expect(idealPushLatencies([{ listing: 'a', atMs: 5_000 }], { rateLimit: oneASecond, bulk: 10, latencyMs: 50 })).toEqual([50]);
  });

  it('waits for the limit, batches what waits, and coalesces a listing that changed twice', () => {
    const changes = [
      { listing: 'a', atMs: 0 },
      { listing: 'b', atMs: 100 },
      { listing: 'a', atMs: 200 },
      { listing: 'c', atMs: 300 },
    ];
    // t=0: a alone (token there). t=1000: b, a (again), c in one call of three.
    expect(idealPushLatencies(changes, { rateLimit: oneASecond, bulk: 10, latencyMs: 50 })).toEqual([50, 950, 850, 750]);
  });

  it('sends the longest-waiting listings first when a call holds fewer than wait', () => {
    const changes = ['a', 'b', 'c'].map((listing, i) => ({ listing, atMs: i }));
    const latencies = idealPushLatencies(changes, { rateLimit: oneASecond, bulk: 1, latencyMs: 0 });
    expect(latencies).toEqual([0, 999, 1998]);
  });

  it('honours a leaky bucket with a cost per call', () => {
    const bucket = { kind: 'leaky-bucket' as const, capacity: 20, leakPerSecond: 10, costPerCall: 10 };
    const changes = ['a', 'b', 'c'].map((listing) => ({ listing, atMs: 0 }));
    // Two calls fit the bucket at once; the third waits for 10 points to leak (1 s).
    expect(idealPushLatencies(changes, { rateLimit: bucket, bulk: 1, latencyMs: 0 })).toEqual([0, 0, 1000]);
  });
});
