import type { Request } from 'express';
import type { ApiKeyView } from '../auth/api-key.service';
import type { AuditSpec, AuditTarget } from './audited.decorator';

export interface AuditRecord {
  at: Date;
  kind: string;
  actorKeyId: number | null;
  actorName: string | null;
  method: string;
  path: string;
  target: string | null;
  detail: Record<string, unknown> | null;
  status: number;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function pick(source: unknown, fields: readonly string[] | undefined): Record<string, unknown> {
  const record = asRecord(source);
  return Object.fromEntries((fields ?? []).filter((field) => record[field] !== undefined).map((field) => [field, record[field]]));
}

function targetOf(spec: AuditSpec, params: Record<string, string>, body: unknown, result: unknown): string | null {
  const target: AuditTarget | undefined = spec.target ?? (Object.keys(params).length > 0 ? { param: Object.keys(params)[0] } : undefined);
  if (!target) return null;
  const value = 'param' in target ? params[target.param] : 'body' in target ? asRecord(body)[target.body] : asRecord(result)[target.result];
  return value === undefined || value === null ? null : String(value).slice(0, 255);
}

/** The entry for one successful request: who (the key the guard authenticated), what, to what. */
export function auditRecord(spec: AuditSpec, request: Request & { apiKey?: ApiKeyView }, result: unknown, status: number, at = new Date()): AuditRecord {
  const params = (request.params ?? {}) as Record<string, string>;
  const detail = { ...pick(request.body, spec.body), ...pick(result, spec.result) };
  const key = request.apiKey;
  return {
    at,
    kind: spec.kind,
    actorKeyId: key?.id ?? null,
    actorName: key ? `${key.name} (${key.prefix}…)`.slice(0, 160) : null,
    method: request.method,
    path: request.originalUrl.split('?')[0].slice(0, 512),
    target: targetOf(spec, params, request.body, result),
    detail: Object.keys(detail).length > 0 ? detail : null,
    status,
  };
}
