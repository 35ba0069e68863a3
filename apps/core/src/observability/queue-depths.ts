import { Injectable, Logger } from '@nestjs/common';
import { QueueCatalog } from './queue-catalog';
import { QueueDirectory } from './queue-directory';
import { ThrottledWarning } from './throttled-warning';

export const QUEUE_JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized'] as const;
export type QueueJobState = (typeof QUEUE_JOB_STATES)[number];

export interface QueueDepth {
  queue: string;
  jobs: Record<QueueJobState, number>;
}

/** How many jobs each queue of the installation holds in each state, read from Redis when asked. */
@Injectable()
export class QueueDepths {
  private readonly logger = new Logger(QueueDepths.name);
  private readonly unreadable = new ThrottledWarning(this.logger, 'A queue depth could not be read; the queue is left out');

  constructor(
    private readonly catalog: QueueCatalog,
    private readonly directory: QueueDirectory,
  ) {}

  async read(): Promise<QueueDepth[]> {
    await this.directory.refresh();
    const depths = await Promise.all(
      this.catalog.queues().map(async (queue): Promise<QueueDepth | null> => {
        try {
          const counts = await queue.getJobCounts(...QUEUE_JOB_STATES);
          const jobs = Object.fromEntries(QUEUE_JOB_STATES.map((state) => [state, counts[state] ?? 0])) as Record<QueueJobState, number>;
          // Asked for "waiting", BullMQ also counts a paused queue's waiting jobs apart: they wait too.
          jobs.waiting += counts['paused'] ?? 0;
          return { queue: queue.name, jobs };
        } catch (error) {
          // One broken queue (closed, or its Redis away) must not blank out every other queue's depth.
          this.unreadable.warn(`${queue.name}: ${error instanceof Error ? error.message : String(error)}`);
          return null;
        }
      }),
    );
    return depths.filter((depth): depth is QueueDepth => depth !== null).sort((a, b) => a.queue.localeCompare(b.queue));
  }
}
