/**
 * Releases every reservation whose hold has expired. The job carries nothing: the processor asks the
 * ledger what has expired at the time it runs.
 */
export const RESERVATION_EXPIRY_JOB = 'release-expired-reservations';
export const RESERVATION_EXPIRY_SCHEDULER_ID = 'release-expired-reservations';

export type ReservationExpiryJobData = Record<string, never>;

export interface ReservationExpiryJobResult {
  released: number;
}
