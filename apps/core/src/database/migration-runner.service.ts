import { MikroORM } from '@mikro-orm/core';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';

/**
 * Brings the schema up to date before anything else touches the database: the database module is
 * initialised before the modules that import it, and first-start data (the admin key) waits for
 * onApplicationBootstrap.
 */
@Injectable()
export class MigrationRunner implements OnModuleInit {
  private readonly logger = new Logger(MigrationRunner.name);

  constructor(private readonly orm: MikroORM) {}

  async onModuleInit(): Promise<void> {
    const applied = await this.orm.getMigrator().up();
    if (applied.length > 0) {
      this.logger.log({ migrations: applied.map((migration) => migration.name) }, 'Database migrated');
    }
  }
}
