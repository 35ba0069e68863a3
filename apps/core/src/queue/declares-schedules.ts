/**
 * A provider that owns repeating jobs (BullMQ job schedulers). Declaring is an upsert under fixed
 * ids, so it may run any number of times, from any number of scheduler processes: at start, and again
 * whenever Redis has lost what was declared (see QueueStateWatch).
 */
export interface DeclaresSchedules {
  declareSchedules(): Promise<void>;
}
