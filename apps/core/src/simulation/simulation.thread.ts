// The simulation's own thread: runSimulation is seconds to minutes of synchronous CPU work, which on
// the service's event loop would stall HTTP, BullMQ's lock renewals and every other job. Built as an
// entry of its own (apps/core/webpack.config.js); started by simulation-thread.runner.ts.
import { runSimulation } from '@urikiri/simulation';
import { parentPort, workerData } from 'node:worker_threads';
import { toSimulationInput } from './simulation-input';
import type { SimulationJobData } from './simulation.job';
import { SimulationProgressCounter } from './simulation-progress';
import type { SimulationThreadMessage } from './simulation-thread.protocol';

function main(port: NonNullable<typeof parentPort>, request: SimulationJobData): void {
  const post = (message: SimulationThreadMessage) => port.postMessage(message);
  // Checked before the job was enqueued; checked again because a job may come from elsewhere.
  const parsed = toSimulationInput(request);
  if (!parsed.ok) {
    throw new Error(`the simulation input was refused: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
  const counter = new SimulationProgressCounter(parsed.input.plan);
  const report = runSimulation(parsed.input, {
    onProgress: (step) => {
      const progress = counter.next(step);
      if (progress !== undefined) post({ type: 'progress', progress });
    },
  });
  post({ type: 'report', report });
}

if (parentPort === null) throw new Error('simulation.thread runs only as a worker thread');
main(parentPort, workerData as SimulationJobData);
