import { allocateUnit } from '../engine/unit-allocator';
import type {
  AllocationUnit,
  ListingItemRef,
} from '../model/allocation-unit.types';
import type { CompiledRuleSet } from '../rules/compiled-rule-set';
import { ASPECTS, type Aspect } from '../rules/rule-aspects';
import { resolvePolicy } from '../rules/rule-resolver';
import { assessRisks } from '../risk/risk-assessor';
import { renderRisk } from '../risk/risk-renderer';
import type { Risk } from '../risk/risk.types';
import type { TraceLocale } from '../trace/trace-messages.types';
import { renderTraceSteps } from '../trace/trace-renderer';
import type { TraceStep } from '../trace/trace-step.types';

export interface PreviewOptions {
  readonly now: number | Date;
  readonly locale?: TraceLocale;
}

export interface ListingPreview {
  readonly listingId: string;
  readonly channel: string;
  readonly account: string;
  readonly item: ListingItemRef;
  readonly active: boolean;
  readonly quantity: number;
  readonly steps: readonly TraceStep[];
  /** `steps` as sentences in the requested locale. */
  readonly explanation: readonly string[];
}

/** For one SKU or bundle: the id of the rule that decides each setting, null where none does. */
export interface RuleDecisions {
  readonly code: string;
  readonly decidedBy: Readonly<Record<Aspect, string | null>>;
}

export interface AllocationPreview {
  readonly ruleSetVersion: number;
  readonly atMs: number;
  readonly locale: TraceLocale;
  readonly listings: readonly ListingPreview[];
  readonly decisions: readonly RuleDecisions[];
  readonly risks: readonly { readonly risk: Risk; readonly message: string }[];
}

/** What every listing of the unit would show under `ruleSet` at `now`, explained step by step. */
export function previewAllocation(
  ruleSet: CompiledRuleSet,
  unit: AllocationUnit,
  options: PreviewOptions,
): AllocationPreview {
  const atMs =
    typeof options.now === 'number' ? options.now : options.now.getTime();
  const locale = options.locale ?? 'ja';
  const allocation = allocateUnit(ruleSet, unit, { now: atMs, trace: true });
  const inForce = ruleSet.rulesInForce(atMs);
  const subjects = [
    ...unit.skus.map((stock) => ({
      code: stock.sku,
      tags: stock.tags,
      category: stock.category,
    })),
    ...(unit.bundles ?? []).map((bundle) => ({
      code: bundle.bundleId,
      tags: bundle.tags,
      category: bundle.category,
    })),
  ];
  return {
    ruleSetVersion: ruleSet.version,
    atMs,
    locale,
    listings: unit.listings.map((listing, position) => {
      const steps = allocation.listings[position].trace ?? [];
      return {
        listingId: listing.listingId,
        channel: listing.channel,
        account: listing.account,
        item: listing.item,
        active: listing.active,
        quantity: allocation.listings[position].quantity,
        steps,
        explanation: renderTraceSteps(steps, locale),
      };
    }),
    decisions: subjects.map((subject) => {
      const policy = resolvePolicy(ruleSet, inForce, subject);
      const decidedBy = Object.fromEntries(
        ASPECTS.map((aspect) => [
          aspect,
          aspect === 'mode'
            ? policy.mode.ruleId
            : (policy[aspect]?.ruleId ?? null),
        ]),
      ) as Record<Aspect, string | null>;
      return { code: subject.code, decidedBy };
    }),
    risks: assessRisks(ruleSet, unit, { now: atMs }).risks.map((risk) => ({
      risk,
      message: renderRisk(risk, locale),
    })),
  };
}
