import fc from 'fast-check';
import { StockQueryService } from '../queries/stock-query.service';
import { LedgerReplayVerifier } from '../replay/ledger-replay-verifier';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { seedCatalog } from '../testing/seed';
import type { InventoryLedger } from './inventory-ledger';
import { LedgerError } from './ledger-errors';

const SKUS = ['A', 'B'];
const PLACES = ['TOKYO', 'OSAKA', 'RETURNS'];

type Op =
  | { kind: 'receive'; sku: string; location: string; quantity: number }
  | { kind: 'adjust'; sku: string; location: string; delta: number }
  | { kind: 'transfer'; sku: string; from: string; to: string; quantity: number }
  | { kind: 'reserve'; sku: string; quantity: number; alreadySold: boolean }
  | { kind: 'commit' | 'release'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('receive' as const), sku: fc.constantFrom(...SKUS), location: fc.constantFrom(...PLACES), quantity: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('adjust' as const), sku: fc.constantFrom(...SKUS), location: fc.constantFrom(...PLACES), delta: fc.integer({ min: -6, max: 6 }).filter((d) => d !== 0) }),
  fc.record({ kind: fc.constant('transfer' as const), sku: fc.constantFrom(...SKUS), from: fc.constantFrom(...PLACES), to: fc.constantFrom(...PLACES), quantity: fc.integer({ min: 1, max: 5 }) }).filter((t) => t.from !== t.to),
  fc.record({ kind: fc.constant('reserve' as const), sku: fc.constantFrom(...SKUS, 'SET'), quantity: fc.integer({ min: 1, max: 6 }), alreadySold: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('commit' as const, 'release' as const), pick: fc.nat() }),
);

/**
 * Whatever operators and channels do, in any order: available never goes negative, reserved never
 * exceeds on hand, and replaying the movements gives the snapshot.
 */
describe('ledger invariants under random operation sequences', () => {
  let db: TestDatabase;
  let ledger: InventoryLedger;
  let stock: StockQueryService;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    const seeded = await seedCatalog(db.orm);
    ledger = seeded.ledger;
    for (const sku of SKUS) await seeded.catalog.createProduct({ code: sku, name: sku });
    await seeded.catalog.createBundle({ code: 'SET', name: 'set', components: [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }] });
    stock = new StockQueryService(db.orm);
  });
  afterAll(() => db.drop());

  it('holds after every step', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        run++;
        const reservations: string[] = [];
        for (const [i, o] of ops.entries()) {
          const key = `p${run}-${i}`;
          try {
            if (o.kind === 'receive') await ledger.receive({ idempotencyKey: key, sku: o.sku, location: o.location, quantity: o.quantity });
            else if (o.kind === 'adjust') await ledger.adjust({ idempotencyKey: key, sku: o.sku, location: o.location, delta: o.delta, reason: 'correction' });
            else if (o.kind === 'transfer') await ledger.transfer({ idempotencyKey: key, sku: o.sku, from: o.from, to: o.to, quantity: o.quantity });
            else if (o.kind === 'reserve') {
              const r = await ledger.reserve({ idempotencyKey: key, sku: o.sku, quantity: o.quantity, alreadySold: o.alreadySold, order: { orderId: key, lineId: '1' } });
              reservations.push(r.reservationId);
            } else if (reservations.length > 0) {
              const reservationId = reservations[o.pick % reservations.length];
              if (o.kind === 'commit') await ledger.commit({ idempotencyKey: key, reservationId });
              else await ledger.release({ idempotencyKey: key, reservationId });
            }
          } catch (error) {
            // Refusals (not enough stock, already shipped...) are expected; anything else is a bug.
            if (!(error instanceof LedgerError)) throw error;
          }
          for (const sku of SKUS) {
            const s = await stock.stock(sku);
            expect(s.available).toBeGreaterThanOrEqual(0);
            for (const l of s.locations) {
              expect(l.reserved).toBeGreaterThanOrEqual(0);
              expect(l.reserved).toBeLessThanOrEqual(l.onHand);
            }
          }
        }
        expect((await new LedgerReplayVerifier(db.orm).verify()).mismatches).toEqual([]);
      }),
      { numRuns: 25, seed: 20261127 },
    );
  }, 120_000);
});
