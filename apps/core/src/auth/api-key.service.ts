import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { ApiKeyScope } from './api-key-scope';
import { generateApiKey, hashApiKey, visiblePrefix } from './api-key-secret';
import { ApiKey } from './api-key.entity';

export interface ApiKeyView {
  id: number;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  revokedAt: string | null;
}

export interface CreatedApiKey extends ApiKeyView {
  /** The key itself: returned once, at creation, and never stored. */
  key: string;
}

export class ApiKeyNotFoundError extends Error {
  constructor(readonly id: number) {
    super(`No API key has id ${id}.`);
  }
}

function view(apiKey: ApiKey): ApiKeyView {
  return {
    id: apiKey.id,
    name: apiKey.name,
    prefix: apiKey.prefix,
    scopes: apiKey.scopes,
    createdAt: apiKey.createdAt.toISOString(),
    revokedAt: apiKey.revokedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class ApiKeyService {
  constructor(private readonly orm: MikroORM) {}

  async create(name: string, scopes: ApiKeyScope[]): Promise<CreatedApiKey> {
    const key = generateApiKey();
    const stored = await this.store(key, name, scopes);
    return { ...view(stored), key };
  }

  /** Installs a key chosen by the operator (URIKIRI_ADMIN_KEY); a key already stored is left as it is. */
  async install(key: string, name: string, scopes: ApiKeyScope[]): Promise<boolean> {
    const existing = await this.orm.em.fork().findOne(ApiKey, { hash: hashApiKey(key) });
    if (existing) return false;
    try {
      await this.store(key, name, scopes);
      return true;
    } catch (error) {
      // Several API processes starting together with the same URIKIRI_ADMIN_KEY: one of them stores it.
      if (error instanceof UniqueConstraintViolationException) return false;
      throw error;
    }
  }

  /** The active key with this secret, or null: unknown and revoked keys are alike to the caller. */
  async authenticate(key: string): Promise<ApiKeyView | null> {
    const found = await this.orm.em.fork().findOne(ApiKey, { hash: hashApiKey(key), revokedAt: null });
    return found ? view(found) : null;
  }

  /** The key a dashboard session was opened with, while it is still active. */
  async activeById(id: number): Promise<ApiKeyView | null> {
    const found = await this.orm.em.fork().findOne(ApiKey, { id, revokedAt: null });
    return found ? view(found) : null;
  }

  async list(): Promise<ApiKeyView[]> {
    const keys = await this.orm.em.fork().find(ApiKey, {}, { orderBy: { id: 'asc' } });
    return keys.map(view);
  }

  async count(): Promise<number> {
    return this.orm.em.fork().count(ApiKey, {});
  }

  async revoke(id: number): Promise<ApiKeyView> {
    const em = this.orm.em.fork();
    const found = await em.findOne(ApiKey, { id });
    if (!found) throw new ApiKeyNotFoundError(id);
    found.revokedAt ??= new Date();
    await em.flush();
    return view(found);
  }

  private async store(key: string, name: string, scopes: ApiKeyScope[]): Promise<ApiKey> {
    const em = this.orm.em.fork();
    const apiKey = em.create(ApiKey, {
      name,
      prefix: visiblePrefix(key),
      hash: hashApiKey(key),
      scopes: [...new Set(scopes)],
      createdAt: new Date(),
      revokedAt: null,
    });
    await em.flush();
    return apiKey;
  }
}
