import {
  formatBasisPoints as pct,
  formatCount as n,
  ruleNote,
} from './trace-number-format';
import type { TraceMessages } from './trace-messages.types';

const rule = (ruleId: string | null) => ruleNote(ruleId, 'rule');

export const EN_TRACE_MESSAGES: TraceMessages = {
  inactive: () => 'listing inactive (deleted or suspended) → 0',
  available: (s) => `${s.sku} available ${n(s.available)}`,
  'safety-stock': (s) =>
    `pool ${n(s.before)} − safety stock ${n(s.buffer)} = ${n(s.after)}${rule(s.ruleId)}`,
  'ring-fence': (s) =>
    `ring-fence for ${s.target}: ${n(s.granted)} of ${n(s.quota)} set aside → ${n(s.units)} for this listing${rule(s.ruleId)}`,
  'ring-fenced-pool': (s) =>
    `ring-fenced ${n(s.fenced)} → ${n(s.after)} left to share${rule(s.ruleId)}`,
  share: (s) =>
    s.mode === 'shared'
      ? `share ${pct(s.basisPoints)} of ${n(s.pool)} → ${n(s.units)}${rule(s.ruleId)}`
      : `share ${pct(s.basisPoints)} of ${n(s.pool)}, apportioned (${s.mode}) → ${n(s.units)}${rule(s.ruleId)}`,
  'no-share': (s) => `no share for this channel → 0${rule(s.ruleId)}`,
  'even-split': (s) =>
    `${n(s.pool)} split evenly over ${n(s.parties)} listings → ${n(s.units)}`,
  'group-split': (s) =>
    `${n(s.groupUnits)} split over ${n(s.listings)} listings of the same channel → ${n(s.units)}`,
  'shared-remainder': (s) =>
    `plus the shared remainder ${n(s.remainder)} → ${n(s.units)}`,
  'low-stock': (s) =>
    `low stock (${n(s.available)} < threshold ${n(s.threshold)}): highest priority first${rule(s.ruleId)}`,
  'priority-fill': (s) =>
    `priority #${s.rank}: target ${n(s.target)}, ${n(s.remaining)} left → ${n(s.units)}${rule(s.ruleId)}`,
  'channel-safety-stock': (s) =>
    `${n(s.before)} − channel safety stock ${n(s.buffer)} = ${n(s.after)}${rule(s.ruleId)}`,
  'location-cap': (s) =>
    `capped by stock at the listing's locations ${n(s.cap)}: ${n(s.before)} → ${n(s.after)}`,
  bundle: (s) =>
    `component ${s.sku}: ${n(s.componentUnits)} ÷ ${n(s.perBundle)} per bundle → ${n(s.bundles)} bundles`,
  max: (s) =>
    `at most ${n(s.max)}: ${n(s.before)} → ${n(s.after)}${rule(s.ruleId)}`,
  min: (s) => `below ${n(s.min)} show 0: ${n(s.before)} → 0${rule(s.ruleId)}`,
  result: (s) => `publish ${n(s.quantity)}`,
};
