export { runConnectorConformance, type ConformanceOptions } from './conformance/run-connector-conformance';

export type { ChannelSandbox } from './sandbox/channel-sandbox';
export {
  createSandboxServer,
  defaultErrorResponses,
  type SandboxErrorResponses,
  type SandboxServer,
  type SandboxServerOptions,
} from './sandbox/sandbox-server';
export {
  emptyResponse,
  jsonResponse,
  xmlResponse,
  type SandboxHandler,
  type SandboxRequest,
  type SandboxResponse,
  type SandboxRoute,
} from './sandbox/sandbox-http';
export { FaultInjector, type Fault, type MaintenanceWindow } from './sandbox/fault-injector';
export { RequestLog, type RequestLogEntry } from './sandbox/request-log';
export {
  SandboxOrderError,
  SandboxStock,
  type SandboxListing,
  type SandboxOrder,
  type SandboxOrderEvent,
  type SandboxOrderLine,
  type SandboxStockOptions,
} from './sandbox/sandbox-stock';
export { SandboxAuth, type TokenCheck } from './sandbox/sandbox-auth';
export { IdempotencyStore } from './sandbox/idempotency-store';
export { SeededRandom } from './sandbox/seeded-random';
