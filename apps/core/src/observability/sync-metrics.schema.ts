import { z } from 'zod';
import type { SyncMetricsReport } from './metrics-report';
import { QUEUE_JOB_STATES, type QueueJobState } from './queue-depths';
import { COUNTER_METRICS, LATENCY_METRICS } from './sync-metric-names';

/** The OpenAPI description of GET /api/v1/sync/metrics, typed against what the route returns. */

const ms = (what: string) => z.number().nullable().describe(`${what}, in ms, estimated from the buckets; null before any observation`);

const jobCounts = z.object(
  Object.fromEntries(QUEUE_JOB_STATES.map((state) => [state, z.number().int()])) as Record<QueueJobState, z.ZodNumber>,
);

export const syncMetricsReportSchema: z.ZodType<SyncMetricsReport> = z.object({
  latency: z.array(
    z.object({
      metric: z.enum(LATENCY_METRICS).describe('ingest: sale → reserved; push: ledger change → on the channel; end_to_end: sale → other channel updated'),
      account: z.string(),
      channel: z.string(),
      count: z.number().int(),
      sumMs: z.number(),
      p50Ms: ms('median'),
      p95Ms: ms('95th percentile'),
      p99Ms: ms('99th percentile'),
      buckets: z
        .array(z.object({ le: z.string().describe('upper bound in ms, or "+Inf"'), count: z.number().int() }))
        .describe('cumulative, as in Prometheus'),
    }),
  ),
  counters: z.array(z.object({ metric: z.enum(COUNTER_METRICS), account: z.string(), channel: z.string(), value: z.number() })),
  queues: z.array(z.object({ queue: z.string(), jobs: jobCounts })).describe('jobs per BullMQ queue and state, read now'),
});
