import { exampleSimulationRequest } from '../../test/support/simulation-examples';
import { toSimulationInput } from './simulation-input';
import type { SimulationRequest } from './simulation-request.schema';

function issuesOf(request: SimulationRequest) {
  const result = toSimulationInput(request);
  if (result.ok) throw new Error('expected the request to be refused');
  return result.issues;
}

describe('toSimulationInput', () => {
  const example = exampleSimulationRequest();

  it('reads the files the command reads, and runs and seed override the plan as --runs and --seed do', () => {
    const result = toSimulationInput({ ...example, runs: 7, seed: 0 });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.input.history.length).toBe(example.history.trim().split('\n').length - 1);
    expect(result.input.stock.map((s) => s.sku)).toContain('TSHIRT-M');
    expect(result.input.inbound.length).toBe(3);
    expect(result.input.plan).toMatchObject({ runs: 7, seed: 0 });
    expect(result.input.plan.policies.map((p) => p.name)).toEqual(['interval-15min', 'interval-5min', 'event-driven', 'event-driven-priority']);
  });

  it('names the field, row and column of every CSV problem, in every file at once', () => {
    const history = example.history.split('\n');
    history[2] = '2026-13-01,amazon,CAP-WHT,-1,1980,,';
    const issues = issuesOf({ ...example, history: history.join('\n'), inbound: 'sku,quantity,arrival\nTSHIRT-M,many,2026-12-08' });
    expect(issues).toEqual([
      expect.objectContaining({ path: 'history', row: 3, column: 'date' }),
      expect.objectContaining({ path: 'history', row: 3, column: 'quantity' }),
      expect.objectContaining({ path: 'inbound', row: 2, column: 'quantity' }),
    ]);
    expect(issues[0].message).toMatch(/^row 3, column date: "2026-13-01" must be a date/);
  });

  it("names a plan's field by its path under plan, from YAML text or a JSON object", () => {
    expect(issuesOf({ ...example, plan: example.plan.replace('runs: 200', 'runz: 200') })).toEqual([
      { path: 'plan.runz', message: 'is not a known field; check its spelling' },
    ]);
    expect(issuesOf({ ...example, plan: 'window: [unclosed' })[0].path).toBe('plan');
    const plan = { window: { from: '2026-12-04T20:00', to: '2026-12-05T02:00' }, channels: { rakuten: {} }, policies: [] };
    expect(issuesOf({ ...example, plan })).toEqual([{ path: 'plan.policies', message: 'must list at least one policy to simulate' }]);
  });

  it('asks for the files the plan names and the request lacks, and for stock from somewhere', () => {
    const { stock: _stock, campaigns: _campaigns, ...withoutFiles } = example;
    expect(issuesOf(withoutFiles).map((issue) => issue.path)).toEqual(['campaigns', 'stock']);
    expect(issuesOf(withoutFiles)[1].message).toContain('files.stock ("stock.csv")');
    const planWithoutFiles = example.plan.replace(/^files:[\s\S]*?inbound: inbound.csv.*$/m, '');
    expect(issuesOf({ history: example.history, plan: planWithoutFiles })).toEqual([
      { path: 'stock', message: 'is required: send the stock CSV here, or list the stock in the plan' },
    ]);
  });

  it('lists at most 50 problems of a field, then how many more there are', () => {
    const rows = Array.from({ length: 80 }, () => 'not-a-date,amazon,CAP-WHT,1');
    const issues = issuesOf({ ...example, history: ['date,channel,sku,quantity', ...rows].join('\n') });
    expect(issues).toHaveLength(51);
    expect(issues[50]).toEqual({ path: 'history', message: '… and 30 more problems in history' });
  });
});
