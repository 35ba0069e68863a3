import { type FilterQuery, MikroORM } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditEntry } from './audit-entry.entity';
import type { AuditRecord } from './audit-record';

export interface AuditQuery {
  from?: Date;
  to?: Date;
  /** Exact kinds; empty: every kind. */
  kinds: string[];
  actorKeyId?: number;
  /** Keyset paging: entries with an id below this one. */
  before?: number;
  limit: number;
}

export interface AuditView {
  id: number;
  at: string;
  kind: string;
  actor: { keyId: number | null; name: string | null };
  method: string;
  path: string;
  target: string | null;
  detail: Record<string, unknown> | null;
  status: number;
}

function view(entry: AuditEntry): AuditView {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    kind: entry.kind,
    actor: { keyId: entry.actorKeyId ?? null, name: entry.actorName ?? null },
    method: entry.method,
    path: entry.path,
    target: entry.target ?? null,
    detail: entry.detail ?? null,
    status: entry.status,
  };
}

/** The audit log: appended to by the interceptor, read (newest first) by admins. */
@Injectable()
export class AuditLog {
  constructor(private readonly orm: MikroORM) {}

  async record(record: AuditRecord): Promise<void> {
    const em = this.orm.em.fork();
    em.create(AuditEntry, record);
    await em.flush();
  }

  async list(query: AuditQuery): Promise<{ items: AuditView[]; nextBefore: number | null }> {
    const where: FilterQuery<AuditEntry> = {};
    if (query.from || query.to) where.at = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lt: query.to } : {}) };
    if (query.kinds.length > 0) where.kind = { $in: query.kinds };
    if (query.actorKeyId !== undefined) where.actorKeyId = query.actorKeyId;
    if (query.before !== undefined) where.id = { $lt: query.before };
    // One more than asked, to know whether an older page exists.
    const rows = await this.orm.em.fork().find(AuditEntry, where, { orderBy: { id: 'desc' }, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    return { items: page.map(view), nextBefore: rows.length > query.limit ? page[page.length - 1].id : null };
  }
}
