import type { TraceCode, TraceStep } from './trace-step.types';

export type TraceLocale = 'ja' | 'en';

/** One sentence builder per step code; a missing code is a compile error, not a blank line. */
export type TraceMessages = {
  readonly [C in TraceCode]: (step: Extract<TraceStep, { code: C }>) => string;
};
