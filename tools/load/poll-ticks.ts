import { Queue } from 'bullmq';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** One account's order-poll schedule over a window: its interval and how many ticks ran in the window. */
export interface PollTicks {
  accountId: string;
  everyMs: number;
  ticks: number;
  /** The window's length over the interval: what "once per interval" means. */
  intervals: number;
}

/**
 * How many `poll-orders-tick` jobs of each order-poll schedule (BullMQ job schedulers on the
 * sync-orders queue) were processed between `from` and `to`, whichever process ran them. Completed
 * jobs are kept per queue up to a count (see job-options.ts), enough for a short window.
 */
export async function pollTicksBetween(queuePrefix: string, from: number, to: number): Promise<PollTicks[]> {
  const queue = new Queue('sync-orders', { connection: { url: REDIS_URL }, prefix: `{${queuePrefix}}` });
  try {
    const schedulers = await queue.getJobSchedulers();
    const done = (await queue.getJobs(['completed', 'failed', 'active'], 0, -1)).filter((j) => j.name === 'poll-orders-tick');
    return schedulers
      .filter((s) => s.key.startsWith('orders-'))
      .map((s) => {
        const accountId = s.key.slice('orders-'.length);
        const everyMs = Number(s.every);
        const ticks = done.filter((j) => (j.data as { accountId?: string }).accountId === accountId && j.timestamp >= from && j.timestamp < to).length;
        return { accountId, everyMs, ticks, intervals: (to - from) / everyMs };
      });
  } finally {
    await queue.close();
  }
}
