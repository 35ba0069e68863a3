import type { DemoSandbox } from '../demo/sandboxes/demo-sandbox';

export interface InjectedFaultCount {
  /** Calls that met a random fault (429, 5xx, timeout, lost answer). */
  calls: number;
  byKind: Record<string, number>;
  /** Calls the channel that was down refused. */
  outageRefusals: number;
}

/** What the sandboxes' request logs say was injected: every call answered by a fault instead of the channel. */
export function countInjectedFaults(sandboxes: readonly DemoSandbox[]): InjectedFaultCount {
  const count: InjectedFaultCount = { calls: 0, byKind: {}, outageRefusals: 0 };
  for (const sandbox of sandboxes) {
    for (const entry of sandbox.requests.entries()) {
      if (entry.fault === null) continue;
      if (entry.fault === 'maintenance') {
        count.outageRefusals += 1;
        continue;
      }
      count.calls += 1;
      count.byKind[entry.fault] = (count.byKind[entry.fault] ?? 0) + 1;
    }
  }
  return count;
}
