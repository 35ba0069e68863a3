import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QueueCatalog } from '../../observability/queue-catalog';
import { pushQueueName } from '../../queue/queue-names';
import { QueueConnection } from '../../queue/queue-connection';

/**
 * The push queue of each channel account, opened on first use. Accounts are added at run time,
 * so these queues cannot be declared up front like the service's fixed ones.
 */
@Injectable()
export class PushQueues implements OnApplicationShutdown {
  private readonly queues = new Map<string, Queue>();
  private readonly listeners: Array<(queue: Queue) => void> = [];

  constructor(
    private readonly connection: QueueConnection,
    catalog: QueueCatalog,
  ) {
    // /metrics and the queue board list every push queue any process opened.
    this.onOpen((queue) => catalog.register(queue));
  }

  get(accountId: string): Queue {
    let queue = this.queues.get(accountId);
    if (!queue) {
      queue = new Queue(pushQueueName(accountId), { connection: this.connection.connection, prefix: this.connection.prefix });
      this.queues.set(accountId, queue);
      for (const listener of this.listeners) listener(queue);
    }
    return queue;
  }

  all(): Queue[] {
    return [...this.queues.values()];
  }

  /** Called for every queue opened, now and later (the queue dashboard and metrics list them). */
  onOpen(listener: (queue: Queue) => void): void {
    this.listeners.push(listener);
    for (const queue of this.queues.values()) listener(queue);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }
}
