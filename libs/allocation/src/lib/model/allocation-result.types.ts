import type { TraceStep } from '../trace/trace-step.types';

export interface ListingAllocation {
  readonly listingId: string;
  /** The integer quantity to publish on the channel. */
  readonly quantity: number;
  /** Present only when the allocation ran with `trace: true`. */
  readonly trace?: readonly TraceStep[];
}

export interface AllocationResult {
  /** One entry per input listing, in input order. */
  readonly listings: readonly ListingAllocation[];
}
