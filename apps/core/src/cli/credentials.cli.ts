import { MikroORM } from '@mikro-orm/core';
import { ConfigError, loadConfig } from '../config/load-config';
import { createOrmOptions } from '../database/orm-options';
import { CredentialsRotationError } from '../security/credentials/rotate-credentials';
import { CredentialsCommandError, runCredentialsCommand } from './credentials-command';

/**
 * `npm run credentials -- rotate --from-env OLD_KEY --to-env NEW_KEY`: re-encrypts the channel
 * credentials in the database DATABASE_URL names (the embedded SQLite file by default). Run it while
 * the service is stopped, then start every process with the new CREDENTIALS_KEY.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const orm = await MikroORM.init(createOrmOptions(config.database));
  try {
    await orm.getMigrator().up();
    process.stdout.write(`${await runCredentialsCommand(process.argv.slice(2), orm, process.env)}\n`);
  } finally {
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  const known = error instanceof CredentialsCommandError || error instanceof CredentialsRotationError || error instanceof ConfigError;
  process.stderr.write(`${known ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(known ? 2 : 1);
});
