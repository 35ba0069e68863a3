// `node tools/scripts/key.js create --scopes read,write | list | revoke <id>`: API keys of the
// database DATABASE_URL names (the embedded SQLite file by default).
const path = require('node:path');
const { runTs } = require('./run-ts');

process.exit(runTs(path.join(__dirname, '../../apps/core/src/cli/key.cli.ts'), process.argv.slice(2)));
