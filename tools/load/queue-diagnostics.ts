import { Queue } from 'bullmq';
import { Redis } from 'ioredis';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * Job counts per state of every queue of an installation, for a run that did not converge: a job
 * left active or in `wait` with no worker taking it points at the mechanism that lost it.
 */
export async function queueDiagnostics(queuePrefix: string): Promise<Record<string, Record<string, number>>> {
  const redis = new Redis(REDIS_URL);
  const bullPrefix = `{${queuePrefix}}`;
  const names = new Set<string>();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${bullPrefix}:*:meta`, 'COUNT', 500);
      for (const key of keys) names.add(key.slice(bullPrefix.length + 1, -':meta'.length));
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  const counts: Record<string, Record<string, number>> = {};
  for (const name of [...names].sort()) {
    const queue = new Queue(name, { connection: { url: REDIS_URL }, prefix: bullPrefix });
    try {
      counts[name] = await queue.getJobCounts('active', 'wait', 'delayed', 'prioritized', 'waiting-children', 'failed', 'completed');
    } finally {
      await queue.close();
    }
  }
  return counts;
}
