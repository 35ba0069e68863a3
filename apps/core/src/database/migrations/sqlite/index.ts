import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127212213_initial } from './20261127212213-initial.migration';
import { Migration20261127235251_sync_pipeline } from './20261127235251-sync_pipeline.migration';
import { Migration20261128004038_audit_log } from './20261128004038-audit_log.migration';
import { Migration20261128030432_order_returns } from './20261128030432-order_returns.migration';
import { Migration20261128040000_order_line_unfollowed_held } from './20261128040000-order_line_unfollowed_held.migration';

/** Written by tools/scripts/create-migrations.js: every migration of this dialect, oldest first. */
export const SQLITE_MIGRATIONS: MigrationObject[] = [
  { name: '20261127212213-initial', class: Migration20261127212213_initial },
  { name: '20261127235251-sync_pipeline', class: Migration20261127235251_sync_pipeline },
  { name: '20261128004038-audit_log', class: Migration20261128004038_audit_log },
  { name: '20261128030432-order_returns', class: Migration20261128030432_order_returns },
  { name: '20261128040000-order_line_unfollowed_held', class: Migration20261128040000_order_line_unfollowed_held },
];
