import type { FaultInjector, SandboxRequest, SandboxResponse } from '@urikiri/connector-sdk/testing';
import type { RakutenSandboxStock } from './rakuten-sandbox.stock';

/** What every route of the Rakuten sandbox shares. */
export interface RakutenSandboxContext {
  stock: RakutenSandboxStock;
  /** Read lazily: the server that owns the injector starts after the routes are built. */
  faults: () => FaultInjector;
  /** Null when the ESA header is good; else RMS's 401. */
  refuse: (req: SandboxRequest) => SandboxResponse | null;
  clock: () => number;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
