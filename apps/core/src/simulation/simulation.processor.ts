import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { GracefulWorkerHost } from '../queue/graceful-worker-host';
import { QueueName } from '../queue/queue-names';
import type { SimulationJobData, SimulationJobProgress, SimulationJobResult } from './simulation.job';
import { runSimulationThread } from './simulation-thread.runner';

/**
 * One simulation at a time per worker process, each on a thread of its own: the process's event
 * loop stays free for HTTP, for the other queues and for renewing this job's lock, and one core is
 * left to them. More simulations at once: more worker processes.
 */
@Processor(QueueName.Simulation, { concurrency: 1 })
export class SimulationProcessor extends GracefulWorkerHost {
  private readonly logger = new Logger(SimulationProcessor.name);

  async process(job: Job<SimulationJobData, SimulationJobResult>): Promise<SimulationJobResult> {
    // Progress writes go out in order, and the job completes only after the last one has landed.
    let written: Promise<void> = Promise.resolve();
    const writeProgress = (progress: SimulationJobProgress) => {
      written = written
        .then(() => job.updateProgress(progress))
        .catch((error: unknown) => this.logger.warn({ jobId: job.id, err: error }, 'Could not store simulation progress'));
    };
    const started = Date.now();
    const report = await runSimulationThread(job.data, writeProgress);
    await written;
    this.logger.log(
      { jobId: job.id, skus: report.skus, runs: report.runs, policies: report.policies.length, ms: Date.now() - started },
      'Simulated a promotion',
    );
    return report;
  }
}
