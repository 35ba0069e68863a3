import type { SimulationReport, SimulationStage } from '@urikiri/simulation';
import type { Job, JobState } from 'bullmq';
import type { SimulationJobData, SimulationJobProgress, SimulationJobResult } from './simulation.job';

export const SIMULATION_STATES = ['waiting', 'active', 'completed', 'failed'] as const;
export type SimulationState = (typeof SIMULATION_STATES)[number];

/** A simulation as the API shows it. */
export interface SimulationJobView {
  id: string;
  state: SimulationState;
  progress: {
    percent: number;
    stage: SimulationStage | null;
    runsDone: number;
    runsTotal: number | null;
  };
  submittedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  report: SimulationReport | null;
}

type SimulationJob = Job<SimulationJobData, SimulationJobResult>;

/**
 * BullMQ's states folded into the four a caller acts on: delayed, prioritized and the like are all
 * still waiting. Undefined for a job BullMQ no longer knows (removed after its retention).
 */
export function simulationJobView(job: SimulationJob, state: JobState | 'unknown'): SimulationJobView | undefined {
  if (state === 'unknown' || job.id === undefined) return undefined;
  const simulationState: SimulationState =
    state === 'completed' || state === 'failed' || state === 'active' ? state : 'waiting';
  const completed = simulationState === 'completed';
  return {
    id: job.id,
    state: simulationState,
    progress: progressOf(job.progress, completed),
    submittedAt: new Date(job.timestamp).toISOString(),
    startedAt: job.processedOn ? new Date(job.processedOn).toISOString() : null,
    finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    error: simulationState === 'failed' ? (job.failedReason ?? 'failed without a reason') : null,
    report: completed ? job.returnvalue : null,
  };
}

function progressOf(stored: unknown, completed: boolean): SimulationJobView['progress'] {
  // Until the thread's first message the job holds BullMQ's initial progress, the number 0.
  const progress = isJobProgress(stored) ? stored : undefined;
  if (completed) {
    const runsTotal = progress?.runsTotal ?? null;
    return { percent: 100, stage: progress?.stage ?? null, runsDone: runsTotal ?? 0, runsTotal };
  }
  if (progress === undefined) return { percent: 0, stage: null, runsDone: 0, runsTotal: null };
  return { percent: progress.percent, stage: progress.stage, runsDone: progress.runsDone, runsTotal: progress.runsTotal };
}

function isJobProgress(value: unknown): value is SimulationJobProgress {
  return typeof value === 'object' && value !== null && 'percent' in value && 'runsTotal' in value;
}
