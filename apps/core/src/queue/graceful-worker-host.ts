import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bullmq';

/**
 * Base of every processor. Its worker finishes the running job and stops before any connection
 * closes: @nestjs/bullmq closes workers in onApplicationShutdown, the same phase in which MikroORM
 * closes the database, and a job caught waiting for a closed pool would hold shutdown forever.
 * A failed attempt is logged with its error, so a retrying job is never silent.
 */
export abstract class GracefulWorkerHost extends WorkerHost implements BeforeApplicationShutdown {
  private readonly failureLogger = new Logger(this.constructor.name);

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  /** A worker without an error listener turns a dropped Redis connection into an unhandled error. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.failureLogger.warn({ err: error }, `Worker error: ${error.message}`);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.failureLogger.warn({ err: error, jobId: job?.id, job: job?.name, attempt: job?.attemptsMade }, `Job failed: ${error.message}`);
  }
}
