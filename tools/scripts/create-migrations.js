// `node tools/scripts/create-migrations.js [name]`: a new migration for PostgreSQL and for SQLite,
// from the difference between the entities and the checked-in migrations.
const path = require('node:path');
const { runTs } = require('./run-ts');

process.exit(runTs(path.join(__dirname, '../../apps/core/src/cli/create-migrations.cli.ts'), process.argv.slice(2)));
