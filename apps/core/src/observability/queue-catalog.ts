import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';

/** Told when the catalogue changes, so a view of the queues (the board) can follow. */
export interface QueueCatalogListener {
  registered(queue: Queue): void;
  unregistered(name: string): void;
}

/**
 * Every BullMQ queue worth watching: the fixed ones of queue/queue-names.ts from the start, the
 * per-account push queues as the sync module opens them. /metrics reads their depths and the board at
 * /queues shows them; QueueDirectory tells the other processes, so an API process also shows the
 * queues only workers opened. A queue is known by its name; registering a name again replaces the
 * instance (an account reconnected with a fresh queue).
 */
@Injectable()
export class QueueCatalog {
  private readonly logger = new Logger(QueueCatalog.name);
  private readonly byName = new Map<string, Queue>();
  private readonly listeners = new Set<QueueCatalogListener>();
  private readonly watched = new WeakSet<Queue>();

  register(queue: Queue): void {
    // A queue without an error listener turns a dropped Redis connection into an unhandled error
    // (a process closing while it connects, Redis restarting): every queue gets one, here, once.
    if (!this.watched.has(queue)) {
      this.watched.add(queue);
      queue.on('error', (error: Error) => this.logger.warn({ err: error, queue: queue.name }, `Queue connection error: ${error.message}`));
    }
    this.byName.set(queue.name, queue);
    for (const listener of this.listeners) listener.registered(queue);
  }

  /**
   * For a queue that is gone for the whole installation (its account removed): it leaves /metrics and
   * the board in every process. Reading a closed queue's depth would fail anyway.
   */
  unregister(name: string): void {
    if (!this.byName.delete(name)) return;
    for (const listener of this.listeners) listener.unregistered(name);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  queues(): Queue[] {
    return [...this.byName.values()];
  }

  /** Returns the way to stop listening. */
  subscribe(listener: QueueCatalogListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
