import { WorkerHost } from '@nestjs/bullmq';
import type { BeforeApplicationShutdown } from '@nestjs/common';

/**
 * Base of every processor. Its worker finishes the running job and stops before any connection
 * closes: @nestjs/bullmq closes workers in onApplicationShutdown, the same phase in which MikroORM
 * closes the database, and a job caught waiting for a closed pool would hold shutdown forever.
 */
export abstract class GracefulWorkerHost extends WorkerHost implements BeforeApplicationShutdown {
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
