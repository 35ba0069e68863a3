import type { WorkerHost } from '@nestjs/bullmq';
import type { Provider, Type } from '@nestjs/common';
import type { WorkerOptions } from 'bullmq';
import { WORKER_METADATA } from '@nestjs/bullmq/dist/bull.constants';
import type { AppConfig } from '../config/app-config';

/**
 * BullMQ's lock and stalled check for every worker of the service, from QUEUE_LOCK_DURATION_MS and
 * QUEUE_STALLED_INTERVAL_MS: how soon the jobs of a worker process that died are taken up by another.
 */
export function workerLockOptions(config: AppConfig): Pick<WorkerOptions, 'lockDuration' | 'stalledInterval'> {
  return { lockDuration: config.queueLocks.lockDurationMs, stalledInterval: config.queueLocks.stalledIntervalMs };
}

/**
 * A processor whose worker runs with the configured lock options on top of its own `@Processor`
 * options. Decorator options are fixed when the class is defined, before any configuration is read,
 * so each app gets a subclass carrying the merged options: two apps in one process (tests) keep theirs.
 */
export function withWorkerLockOptions(processor: Type<WorkerHost>, config: AppConfig): Provider {
  const own = (Reflect.getMetadata(WORKER_METADATA, processor) ?? {}) as WorkerOptions;
  const configured = class extends (processor as Type<object>) {};
  Object.defineProperty(configured, 'name', { value: processor.name });
  Reflect.defineMetadata(WORKER_METADATA, { ...own, ...workerLockOptions(config) }, configured);
  return { provide: processor, useClass: configured };
}
