import { MikroORM } from '@mikro-orm/core';
import { ApiKeyNotFoundError, ApiKeyService } from '../auth/api-key.service';
import { ConfigError, loadConfig } from '../config/load-config';
import { createOrmOptions } from '../database/orm-options';
import { KeyCommandError, runKeyCommand } from './key-command';

/**
 * `node tools/scripts/key.js …`: manages API keys straight in the database DATABASE_URL names (the
 * embedded SQLite file by default), so a first key can be made before any key exists.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const orm = await MikroORM.init(createOrmOptions(config.database));
  try {
    await orm.getMigrator().up();
    process.stdout.write(`${await runKeyCommand(process.argv.slice(2), new ApiKeyService(orm))}\n`);
  } finally {
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  const known = error instanceof KeyCommandError || error instanceof ConfigError || error instanceof ApiKeyNotFoundError;
  process.stderr.write(`${known ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(known ? 2 : 1);
});
