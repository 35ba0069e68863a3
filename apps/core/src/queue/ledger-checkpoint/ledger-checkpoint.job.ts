/**
 * Writes a checkpoint of every stock level at the newest movement. Carries nothing: the processor
 * checkpoints whatever the ledger holds when it runs.
 */
export const LEDGER_CHECKPOINT_JOB = 'write-ledger-checkpoint';
export const LEDGER_CHECKPOINT_SCHEDULER_ID = 'write-ledger-checkpoint';

export type LedgerCheckpointJobData = Record<string, never>;

export interface LedgerCheckpointJobResult {
  movementId: number;
  stockLevels: number;
}
