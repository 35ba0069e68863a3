import { counterField, latencyField } from './metrics-keys';
import { snapshotFromHashes } from './sync-metrics-snapshot';

const shop = { account: 'rakuten|1 "main"', channel: 'rakuten' };

describe('snapshot from the Redis hashes', () => {
  it('turns per-bucket counts into cumulative ones and takes the count from the buckets', () => {
    const snapshot = snapshotFromHashes(
      {
        [latencyField('push', shop, { kind: 'bucket', le: '10' })]: '2',
        [latencyField('push', shop, { kind: 'bucket', le: '250' })]: '1',
        [latencyField('push', shop, { kind: 'bucket', le: '+Inf' })]: '1',
        [latencyField('push', shop, { kind: 'sum' })]: '70212.5',
      },
      {},
    );
    expect(snapshot.latency).toHaveLength(1);
    const [series] = snapshot.latency;
    expect(series).toMatchObject({ metric: 'push', account: shop.account, channel: 'rakuten', count: 4, sumMs: 70212.5 });
    const cumulative = Object.fromEntries(series.buckets.map(({ le, count }) => [le, count]));
    expect(cumulative).toMatchObject({ '5': 0, '10': 2, '25': 2, '100': 2, '250': 3, '60000': 3, '+Inf': 4 });
    expect(series.p50Ms).toBe(10);
    expect(series.p99Ms).toBe(60000);
  });

  it('reads counters, and skips fields it does not know rather than failing', () => {
    const snapshot = snapshotFromHashes(
      {
        '["push","a","b","7"]': '5',
        '["no_such_metric","a","b","10"]': '1',
        'not json': '1',
      },
      {
        [counterField('pushes', shop)]: '12',
        [counterField('rate_limit_wait_ms', shop)]: '20.5',
        '["no_such_counter","a","b"]': '1',
      },
    );
    expect(snapshot.latency).toEqual([]);
    expect(snapshot.counters).toEqual([
      { metric: 'pushes', ...shop, value: 12 },
      { metric: 'rate_limit_wait_ms', ...shop, value: 20.5 },
    ]);
  });
});
