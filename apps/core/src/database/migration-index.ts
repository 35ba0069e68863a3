import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MIGRATION_FILE = /^(\d{14}-[\w-]+)\.migration\.ts$/;

/**
 * Rewrites `<dialect>/index.ts` to list every migration file of the folder, oldest first: the
 * explicit list MikroORM runs (a bundled build cannot discover migration files).
 */
export function writeMigrationIndex(directory: string, constantName: string): string[] {
  const migrations = readdirSync(directory)
    .map((file) => MIGRATION_FILE.exec(file))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => {
      const source = readFileSync(join(directory, match[0]), 'utf8');
      const className = /export class (\w+) extends Migration/.exec(source)?.[1];
      if (!className) throw new Error(`${match[0]} does not export a Migration class`);
      return { name: match[1], className };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const lines = [
    "import type { MigrationObject } from '@mikro-orm/core';",
    ...migrations.map((m) => `import { ${m.className} } from './${m.name}.migration';`),
    '',
    '/** Written by tools/scripts/create-migrations.js: every migration of this dialect, oldest first. */',
    `export const ${constantName}: MigrationObject[] = [`,
    ...migrations.map((m) => `  { name: '${m.name}', class: ${m.className} },`),
    '];',
    '',
  ];
  writeFileSync(join(directory, 'index.ts'), lines.join('\n'));
  return migrations.map((m) => m.name);
}
