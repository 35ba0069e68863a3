import { SetMetadata } from '@nestjs/common';
import type { AuditKind } from './audit-kinds';

export const AUDITED = 'urikiri:audited';

/** Where an entry's target comes from: a path parameter, a body field, or a field of the answer. */
export type AuditTarget = { param: string } | { body: string } | { result: string };

export interface AuditOptions {
  /** The target of the change; by default the route's first path parameter, if it has one. */
  target?: AuditTarget;
  /** Body fields to keep. Declared, never the whole body: a body can hold credentials. */
  body?: readonly string[];
  /** Fields of the answer to keep (counts of an import, a created id). */
  result?: readonly string[];
  /** `?dryRun=true` changes nothing, so it leaves no entry. */
  skipDryRun?: boolean;
}

export interface AuditSpec extends AuditOptions {
  kind: AuditKind;
}

/**
 * Records a successful call of the route in the audit log, with the API key that made it. The
 * interceptor does the writing; routes only say what they are and which fields matter.
 */
export const Audited = (kind: AuditKind, options: AuditOptions = {}) => SetMetadata<string, AuditSpec>(AUDITED, { kind, ...options });
