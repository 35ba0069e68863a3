import type { TraceLocale } from '../trace/trace-messages.types';
import {
  formatBasisPoints as pct,
  formatCount as n,
} from '../trace/trace-number-format';
import type { Risk, RiskCode } from './risk.types';

type RiskMessages = {
  readonly [C in RiskCode]: (risk: Extract<Risk, { code: C }>) => string;
};

const JA: RiskMessages = {
  'over-commit': (r) =>
    `${r.sku}: 掲載枠の合計が在庫の ${pct(r.committedBasisPoints)} (過剰販売の恐れ)`,
  'published-exceeds-available': (r) =>
    `${r.sku}: 掲載数の合計 ${n(r.published)}個が有効在庫 ${n(r.available)}個を超えています`,
  'shares-scaled-down': (r) =>
    `${r.sku}: 割当率の合計 ${pct(r.totalBasisPoints)} は比率として扱い、在庫の 100 % までを配分します (ルール ${r.ruleId})`,
  'shares-hold-back': (r) =>
    `${r.sku}: 割当率の合計が ${pct(r.totalBasisPoints)} のため、残りはどのチャネルにも掲載されません (ルール ${r.ruleId})`,
  'no-share': (r) =>
    `${r.sku}: 出品 ${r.listingId} のチャネルに割当率がなく、0個になります (ルール ${r.ruleId})`,
  'not-in-priority': (r) =>
    `${r.sku}: 出品 ${r.listingId} のチャネルが優先順位にないため、在庫僅少時に最初に 0個になります (ルール ${r.ruleId})`,
  'ring-fences-exceed-stock': (r) =>
    `${r.sku}: 確保枠の合計 ${n(r.fenced)}個が配分可能在庫 ${n(r.available)}個を超えています (ルール ${r.ruleId})`,
  'safety-stock-takes-all': (r) =>
    `${r.sku}: 安全在庫が有効在庫 ${n(r.available)}個をすべて確保し、掲載数は 0個です (ルール ${r.ruleId})`,
  'low-stock-now': (r) =>
    `${r.sku}: 在庫僅少 (${n(r.available)}個 < ${n(r.threshold)}個) のため優先度順に配分中 (ルール ${r.ruleId})`,
};

const EN: RiskMessages = {
  'over-commit': (r) =>
    `${r.sku}: listings may sell ${pct(r.committedBasisPoints)} of the stock together (oversell risk)`,
  'published-exceeds-available': (r) =>
    `${r.sku}: ${n(r.published)} published in total but only ${n(r.available)} available`,
  'shares-scaled-down': (r) =>
    `${r.sku}: shares add up to ${pct(r.totalBasisPoints)}; they are used as ratios of 100 % (rule ${r.ruleId})`,
  'shares-hold-back': (r) =>
    `${r.sku}: shares add up to ${pct(r.totalBasisPoints)}; the rest is shown on no channel (rule ${r.ruleId})`,
  'no-share': (r) =>
    `${r.sku}: listing ${r.listingId} has no share and shows 0 (rule ${r.ruleId})`,
  'not-in-priority': (r) =>
    `${r.sku}: listing ${r.listingId} is not in the priority order and drops to 0 first in low stock (rule ${r.ruleId})`,
  'ring-fences-exceed-stock': (r) =>
    `${r.sku}: ring-fences of ${n(r.fenced)} exceed the ${n(r.available)} there are to allocate (rule ${r.ruleId})`,
  'safety-stock-takes-all': (r) =>
    `${r.sku}: the safety stock holds back all ${n(r.available)} available; every listing shows 0 (rule ${r.ruleId})`,
  'low-stock-now': (r) =>
    `${r.sku}: low stock (${n(r.available)} < ${n(r.threshold)}), allocating by priority (rule ${r.ruleId})`,
};

const MESSAGES: Readonly<Record<TraceLocale, RiskMessages>> = {
  ja: JA,
  en: EN,
};

export function renderRisk(risk: Risk, locale: TraceLocale = 'ja'): string {
  return (MESSAGES[locale][risk.code] as (risk: Risk) => string)(risk);
}
