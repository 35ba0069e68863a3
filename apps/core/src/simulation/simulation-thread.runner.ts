import { Worker } from 'node:worker_threads';
import type { SimulationJobData, SimulationJobProgress, SimulationJobResult } from './simulation.job';
import { simulationThreadEntry } from './simulation-thread.entry';
import type { SimulationThreadMessage } from './simulation-thread.protocol';

/**
 * Runs one simulation on a thread of its own and resolves with its report; the calling event loop
 * only receives messages. A thread per job: a simulation runs for seconds to minutes, next to which
 * starting a thread costs nothing, and no state survives from one job to the next.
 */
export function runSimulationThread(
  data: SimulationJobData,
  onProgress: (progress: SimulationJobProgress) => void,
): Promise<SimulationJobResult> {
  const entry = simulationThreadEntry();
  return new Promise((resolve, reject) => {
    const thread = new Worker(entry.filename, { ...entry.options, workerData: data });
    thread.on('message', (message: SimulationThreadMessage) => {
      if (message.type === 'progress') onProgress(message.progress);
      else resolve(message.report);
    });
    // An exception in the thread: its message becomes the job's failure reason.
    thread.on('error', reject);
    // Settles nothing once the report or the error has arrived; covers a thread that ends without either.
    thread.on('exit', (code) => reject(new Error(`the simulation thread stopped (exit code ${code}) before its report`)));
  });
}
