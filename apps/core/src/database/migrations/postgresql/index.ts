import type { MigrationObject } from '@mikro-orm/core';

/** Written by tools/scripts/create-migrations.ts: every migration of this dialect, oldest first. */
export const POSTGRESQL_MIGRATIONS: MigrationObject[] = [];
