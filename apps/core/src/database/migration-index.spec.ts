import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeMigrationIndex } from './migration-index';

describe('writeMigrationIndex', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'urikiri-migration-index-'));
  });

  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const migration = (name: string, className: string) =>
    writeFileSync(join(directory, `${name}.migration.ts`), `export class ${className} extends Migration {}\n`);

  it('lists every migration file, oldest first, under the names MikroORM records', () => {
    migration('20270102000000-second', 'Migration20270102000000_second');
    migration('20270101000000-initial', 'Migration20270101000000_initial');
    writeFileSync(join(directory, 'notes.md'), 'not a migration');

    expect(writeMigrationIndex(directory, 'SQLITE_MIGRATIONS')).toEqual(['20270101000000-initial', '20270102000000-second']);
    const index = readFileSync(join(directory, 'index.ts'), 'utf8');
    expect(index).toContain("import { Migration20270101000000_initial } from './20270101000000-initial.migration';");
    expect(index).toContain(
      "export const SQLITE_MIGRATIONS: MigrationObject[] = [\n" +
        "  { name: '20270101000000-initial', class: Migration20270101000000_initial },\n" +
        "  { name: '20270102000000-second', class: Migration20270102000000_second },\n];",
    );
  });

  it('refuses a migration file without a Migration class', () => {
    writeFileSync(join(directory, '20270101000000-broken.migration.ts'), 'export const nothing = 1;\n');
    expect(() => writeMigrationIndex(directory, 'SQLITE_MIGRATIONS')).toThrow('20270101000000-broken.migration.ts does not export a Migration class');
  });
});
