// `npm run bench -- allocation`: allocates 100,000 SKUs (10 % in bundles) × 5 channels under a
// 20-rule set with the trace off, and prints one JSON line with the measured time last.
import { allocateUnit, compileRuleSet } from '@urikiri/allocation';
import { buildCatalogue, CHANNELS } from './bench-catalogue';
import { BENCH_RULE_SET } from './bench-rule-set';

const SKUS = 100_000;
const NOW = Date.parse('2026-12-05T12:00:00+09:00');

const catalogue = buildCatalogue(SKUS, 0.1, 20261205);
const ruleSet = compileRuleSet(BENCH_RULE_SET);

function allocateAll(): number {
  let published = 0;
  for (const unit of catalogue.units) {
    for (const listing of allocateUnit(ruleSet, unit, { now: NOW }).listings)
      published += listing.quantity;
  }
  return published;
}

// One untimed pass lets the JIT compile the hot path, as it will have in a long-running service.
allocateAll();
const started = process.hrtime.bigint();
const published = allocateAll();
const totalMs = Number(process.hrtime.bigint() - started) / 1e6;

console.log(
  `units ${catalogue.units.length}, listings ${catalogue.listings}, rules ${BENCH_RULE_SET.rules.length}, published ${published}`,
);
console.log(
  JSON.stringify({
    totalMs: Math.round(totalMs * 10) / 10,
    nsPerListing: Math.round((totalMs * 1e6) / catalogue.listings),
    skus: catalogue.skus,
    channels: CHANNELS.length,
  }),
);
