import {
  jsonResponse,
  type SandboxAuth,
  type SandboxHandler,
  type SandboxRequest,
  type SandboxResponse,
  type SandboxRoute,
  type SeededRandom,
} from '@urikiri/connector-sdk/testing';
import type { AmazonOperation, AmazonUsagePlan } from '../amazon-operations';
import { amazonError } from './amazon-sandbox.errors';
import type { AmazonSandboxStock } from './amazon-sandbox-stock';

/** One call as the sandbox saw it, kept so tests can check bodies against the official models. */
export interface SandboxExchange {
  operation:
    | AmazonOperation
    | 'lwaToken'
    | 'uploadDocument'
    | 'downloadDocument';
  method: string;
  path: string;
  query: Record<string, string>;
  requestBody: unknown;
  status: number;
  responseBody: unknown;
}

export interface SandboxAccount {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  sellerId: string;
  marketplaceId: string;
  notificationSecret: string;
}

/** What every route of the Amazon sandbox shares. */
export interface AmazonSandboxContext {
  stock: AmazonSandboxStock;
  auth: SandboxAuth;
  random: SeededRandom;
  account: SandboxAccount;
  clock: () => number;
  plans: Record<AmazonOperation, AmazonUsagePlan>;
  maxQuantity: number;
  /** The sandbox's own address, for the presigned document URLs it hands out. */
  url(): string;
  revoked(): boolean;
  /** The kit's injected per-listing failure for writes (`faults.failItems('push', ...)`). */
  faultItemFailure(sku: string): string | null;
  exchanges: SandboxExchange[];
  /** Feed and report documents, as a presigned-URL store would hold them. */
  documents: Map<string, { content: string; contentType: string }>;
  timers: Set<ReturnType<typeof setTimeout>>;
}

/** The label a route counts under in the kit (faults, limits, request log): the conformance suite's push and read, else the operation. */
export function routeOperation(operation: AmazonOperation): string {
  return operation === 'patchListingsItem'
    ? 'push'
    : operation === 'getListingsItem'
      ? 'read'
      : operation;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A request id in Amazon's shape, from the sandbox's seed. */
export function requestId(random: SeededRandom): string {
  const h = random.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A 403 as Amazon gives it when the access token is expired, revoked or unknown; null when authorised. */
export function refuse(
  ctx: AmazonSandboxContext,
  req: SandboxRequest,
): SandboxResponse | null {
  const header = req.headers['x-amz-access-token'];
  const token = Array.isArray(header) ? header[0] : header;
  const check = ctx.revoked() ? 'unknown' : ctx.auth.check(token);
  if (check === 'valid') {
    return null;
  }
  return amazonError(
    403,
    'Unauthorized',
    'Access to requested resource is denied.',
    check === 'expired'
      ? 'The access token you provided has expired.'
      : 'The access token you provided is revoked, malformed or invalid.',
  );
}

function parsed(answer: SandboxResponse): unknown {
  if (answer.body === undefined) {
    return undefined;
  }
  const text = answer.body.toString();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * An SP-API route: checks the access token (unless `open`, as for presigned URLs), answers with
 * Amazon's usage-plan and request-id headers, and records the exchange.
 */
export function amazonRoute(
  ctx: AmazonSandboxContext,
  spec: {
    method: string;
    path: string;
    operation: SandboxExchange['operation'];
    open?: boolean;
    handler: SandboxHandler;
  },
): SandboxRoute {
  const plan =
    spec.operation in ctx.plans
      ? ctx.plans[spec.operation as AmazonOperation]
      : null;
  return {
    method: spec.method,
    path: spec.path,
    operation: plan
      ? routeOperation(spec.operation as AmazonOperation)
      : spec.operation,
    handler: async (req) => {
      const answer =
        (spec.open ? null : refuse(ctx, req)) ?? (await spec.handler(req));
      const headers: Record<string, string> = {
        ...answer.headers,
        'x-amzn-RequestId': requestId(ctx.random),
      };
      if (plan) {
        headers['x-amzn-RateLimit-Limit'] = String(plan.ratePerSecond);
      }
      ctx.exchanges.push({
        operation: spec.operation,
        method: req.method,
        path: req.path,
        query: Object.fromEntries(req.query),
        requestBody: req.body,
        status: answer.status,
        responseBody: parsed(answer),
      });
      return { ...answer, headers };
    },
  };
}

export { jsonResponse };

/** Query value as a list (SP-API arrays are comma-separated). */
export function listParam(req: SandboxRequest, name: string): string[] {
  const value = req.query.get(name);
  return value === null || value === '' ? [] : value.split(',');
}

/** Runs `fn` after `ms` unless the sandbox closes first. */
export function later(
  ctx: AmazonSandboxContext,
  ms: number,
  fn: () => void,
): void {
  const timer = setTimeout(() => {
    ctx.timers.delete(timer);
    fn();
  }, ms);
  ctx.timers.add(timer);
}
