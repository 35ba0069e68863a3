import { EN_TRACE_MESSAGES } from './trace-messages.en';
import { JA_TRACE_MESSAGES } from './trace-messages.ja';
import type { TraceLocale, TraceMessages } from './trace-messages.types';
import type { TraceStep } from './trace-step.types';

const MESSAGES: Readonly<Record<TraceLocale, TraceMessages>> = {
  ja: JA_TRACE_MESSAGES,
  en: EN_TRACE_MESSAGES,
};

/** One sentence per step, in Japanese unless `en` is asked for. */
export function renderTraceSteps(
  steps: readonly TraceStep[],
  locale: TraceLocale = 'ja',
): string[] {
  const messages = MESSAGES[locale];
  return steps.map((step) =>
    (messages[step.code] as (step: TraceStep) => string)(step),
  );
}

/** The whole explanation on one line, e.g. for a tooltip: "rakuten/main: pool 40 − … → publish 12". */
export function renderTrace(
  label: string,
  steps: readonly TraceStep[],
  locale: TraceLocale = 'ja',
): string {
  return `${label}: ${renderTraceSteps(steps, locale).join(locale === 'ja' ? '、' : ', ')}`;
}
