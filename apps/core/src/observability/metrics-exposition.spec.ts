import { renderMetrics } from './metrics-exposition';
import { COUNTER_METRICS } from './sync-metric-names';
import { snapshotFromHashes } from './sync-metrics-snapshot';
import { counterField, latencyField } from './metrics-keys';

const odd = { account: 'shop "A"\\1\nx', channel: 'yahoo' };

describe('/metrics text', () => {
  const text = renderMetrics(
    snapshotFromHashes(
      {
        [latencyField('ingest', odd, { kind: 'bucket', le: '50' })]: '3',
        [latencyField('ingest', odd, { kind: 'sum' })]: '90',
      },
      { [counterField('dead_letters', odd)]: '2' },
    ),
    [{ queue: 'sync-push-7', jobs: { waiting: 4, active: 1, delayed: 0, failed: 2, prioritized: 0 } }],
  );
  const lines = text.split('\n');
  const labels = 'account="shop \\"A\\"\\\\1\\nx",channel="yahoo"';

  it('writes the histogram with escaped labels, cumulative buckets, sum and count', () => {
    expect(lines).toContain('# TYPE urikiri_sync_latency_ms histogram');
    expect(lines).toContain(`urikiri_sync_latency_ms_bucket{metric="ingest",${labels},le="25"} 0`);
    expect(lines).toContain(`urikiri_sync_latency_ms_bucket{metric="ingest",${labels},le="50"} 3`);
    expect(lines).toContain(`urikiri_sync_latency_ms_bucket{metric="ingest",${labels},le="+Inf"} 3`);
    expect(lines).toContain(`urikiri_sync_latency_ms_sum{metric="ingest",${labels}} 90`);
    expect(lines).toContain(`urikiri_sync_latency_ms_count{metric="ingest",${labels}} 3`);
  });

  it('announces every counter family, with samples where there are some', () => {
    for (const metric of COUNTER_METRICS) expect(lines).toContain(`# TYPE urikiri_sync_${metric}_total counter`);
    expect(lines).toContain(`urikiri_sync_dead_letters_total{${labels}} 2`);
  });

  it('writes one gauge per queue and state', () => {
    expect(lines).toContain('# TYPE urikiri_queue_jobs gauge');
    expect(lines).toContain('urikiri_queue_jobs{queue="sync-push-7",state="waiting"} 4');
    expect(lines).toContain('urikiri_queue_jobs{queue="sync-push-7",state="failed"} 2');
    expect(lines.filter((line) => line.startsWith('urikiri_queue_jobs{'))).toHaveLength(5);
  });

  it('ends with a line feed, and every sample line has a name, optional labels and a value', () => {
    expect(text.endsWith('\n')).toBe(true);
    const sample = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\["\\n])*",?)*\})? \S+$/;
    for (const line of lines.filter((l) => l && !l.startsWith('#'))) expect(line).toMatch(sample);
  });
});
