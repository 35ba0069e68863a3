// Rule sets: parse, validate, publish the schema, compile.
export { parseRuleSet, validateRuleSet } from './lib/rules/rule-set.parser';
export type {
  ParseRuleSetOptions,
  RuleSetParseResult,
} from './lib/rules/rule-set.parser';
export { describeIssue } from './lib/rules/rule-set-issue';
export type { RuleSetIssue } from './lib/rules/rule-set-issue';
export { ruleSetJsonSchema } from './lib/rules/rule-set-json-schema';
export { MAX_YAML_NESTING, yamlNestingDepth } from './lib/rules/yaml-nesting';
export {
  compileRuleSet,
  InvalidRuleSetError,
} from './lib/rules/compiled-rule-set';
export type { CompiledRuleSet } from './lib/rules/compiled-rule-set';
export { DEFAULT_TIME_ZONE } from './lib/rules/local-time';
export { nextWindowBoundary } from './lib/rules/next-window-boundary';
export { ASPECTS } from './lib/rules/rule-aspects';
export type { Aspect } from './lib/rules/rule-aspects';
export { APPORTIONMENT_METHODS, MODES } from './lib/rules/rule-set.schema';
export type {
  Amount,
  ApportionmentMethod,
  LowStockThreshold,
  Mode,
  Rule,
  RuleScope,
  RuleSet,
  RuleWindow,
} from './lib/rules/rule-set.schema';

// Allocation: the hot path.
export { allocateUnit } from './lib/engine/unit-allocator';
export { apportion } from './lib/engine/divisor-apportionment';
export { MAX_QUANTITY } from './lib/engine/unit-index';
export { AllocationInputError } from './lib/model/allocation-input.error';
export type {
  AllocationOptions,
  AllocationUnit,
  BundleComponent,
  BundleDefinition,
  ListingInput,
  ListingItemRef,
  SkuStock,
} from './lib/model/allocation-unit.types';
export type {
  AllocationResult,
  ListingAllocation,
} from './lib/model/allocation-result.types';

// Explaining: trace, preview, risks.
export type { TraceCode, TraceStep } from './lib/trace/trace-step.types';
export type { TraceLocale } from './lib/trace/trace-messages.types';
export { renderTrace, renderTraceSteps } from './lib/trace/trace-renderer';
export { previewAllocation } from './lib/preview/allocation-preview';
export type {
  AllocationPreview,
  ListingPreview,
  PreviewOptions,
  RuleDecisions,
} from './lib/preview/allocation-preview';
export { assessRisks } from './lib/risk/risk-assessor';
export { renderRisk } from './lib/risk/risk-renderer';
export { isStockAtRisk, type StockRisk } from './lib/risk/stock-at-risk';
export type { Risk, RiskCode, RiskReport } from './lib/risk/risk.types';
