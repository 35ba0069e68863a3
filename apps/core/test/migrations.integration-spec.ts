import { MikroORM } from '@mikro-orm/core';
import type { AppConfig } from '../src/config/app-config';
import { createOrmOptions } from '../src/database/orm-options';
import { createScratchDatabase, type ScratchDatabase } from '../src/database/scratch-database';

type Dialect = AppConfig['database']['dialect'];

/** Every table and index as SQLite stores its DDL, whitespace-normalised. */
interface SqliteMasterRow {
  type: string;
  name: string;
  sql: string | null;
}

async function sqliteSchema(orm: MikroORM): Promise<string[]> {
  const rows: SqliteMasterRow[] = await orm.em
    .getConnection()
    .execute(
      "select type, name, sql from sqlite_master where name not like 'mikro_orm_migrations%' and name not like 'sqlite_%' order by type, name",
    );
  return rows.map((row) => `${row.type} ${row.name}: ${(row.sql ?? '').replace(/\s+/g, ' ')}`);
}

describe.each<Dialect>(['postgresql', 'sqlite'])('checked-in migrations on %s', (dialect) => {
  const scratches: ScratchDatabase[] = [];
  const orms: MikroORM[] = [];
  let migrated: MikroORM;
  let fromEntities: MikroORM;

  async function open(label: string): Promise<MikroORM> {
    const scratch = await createScratchDatabase(dialect, label);
    scratches.push(scratch);
    const orm = await MikroORM.init(createOrmOptions(scratch.config));
    orms.push(orm);
    return orm;
  }

  beforeAll(async () => {
    migrated = await open('migrated');
    fromEntities = await open('entities');
    await migrated.getMigrator().up();
    await fromEntities.schema.createSchema();
  });

  afterAll(async () => {
    for (const orm of orms) await orm.close(true);
    for (const scratch of scratches) await scratch.drop();
  });

  it('leave nothing to change against the entities', async () => {
    // When this fails, run `node tools/scripts/create-migrations.js <name>`.
    const remaining = await migrated.schema.getUpdateSchemaSQL({ wrap: false });
    if (dialect === 'postgresql') expect(remaining).toBe('');
    // MikroORM's SQLite comparator reports changes even on a schema it has just created itself
    // (bigint autoincrement keys, check constraints); so the migrated schema must report exactly
    // what an entity-built one does, and hold the very same DDL (next test).
    expect(remaining).toBe(await fromEntities.schema.getUpdateSchemaSQL({ wrap: false }));
  });

  if (dialect === 'sqlite') {
    it('produce the same tables and indexes as the entities do', async () => {
      expect(await sqliteSchema(migrated)).toEqual(await sqliteSchema(fromEntities));
    });
  }

  it('are all applied, in the listed order, and none is pending', async () => {
    expect(await migrated.getMigrator().getPendingMigrations()).toEqual([]);
    const executed = await migrated.getMigrator().getExecutedMigrations();
    const listed = migrated.config.get('migrations').migrationsList ?? [];
    expect(executed.map((migration) => migration.name)).toEqual(listed.map((migration) => ('name' in migration ? migration.name : '')));
  });
});
