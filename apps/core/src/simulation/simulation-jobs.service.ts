import { InjectQueue } from '@nestjs/bullmq';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { SimulationReport } from '@urikiri/simulation';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { jobOptions } from '../queue/job-options';
import { QueueName } from '../queue/queue-names';
import { SIMULATION_JOB, type SimulationJobData, type SimulationJobResult } from './simulation.job';
import { simulationJobView, type SimulationJobView } from './simulation-job.view';

/** Simulations as jobs on the `simulation` queue: submitted by the API, run by any worker process. */
@Injectable()
export class SimulationJobs {
  constructor(
    @InjectQueue(QueueName.Simulation) private readonly queue: Queue<SimulationJobData, SimulationJobResult>,
  ) {}

  /** Enqueues a validated request. Random ids: nobody can guess another operator's simulation. */
  async submit(request: SimulationJobData): Promise<SimulationJobView> {
    const job = await this.queue.add(SIMULATION_JOB, request, { ...jobOptions(QueueName.Simulation), jobId: randomUUID() });
    const view = simulationJobView(job, 'waiting');
    if (view === undefined) throw new Error('BullMQ answered an added simulation job without its id');
    return view;
  }

  async find(id: string): Promise<SimulationJobView> {
    // State first: BullMQ completes a job (state and result together) between any two reads, and job
    // data read after a completed state is sure to hold the result.
    const state = await this.queue.getJobState(id);
    const job = state === 'unknown' ? undefined : await this.queue.getJob(id);
    const view = job === undefined ? undefined : simulationJobView(job, state);
    if (view === undefined) {
      throw new NotFoundException(`No simulation ${id}: the id is unknown, or its result was removed (results are kept a day).`);
    }
    return view;
  }

  async report(id: string): Promise<SimulationReport> {
    const view = await this.find(id);
    if (view.report !== null) return view.report;
    const why = view.state === 'failed' ? `failed: ${view.error}` : `is ${view.state} (${view.progress.percent} %)`;
    throw new ConflictException(`Simulation ${id} ${why}; its report exists once it has completed.`);
  }
}
