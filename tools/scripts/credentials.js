// `npm run credentials -- rotate --from-env OLD_KEY --to-env NEW_KEY`: re-encrypts every channel
// account's credentials with a new key, read from the environment variables named.
const path = require('node:path');
const { runTs } = require('./run-ts');

process.exit(runTs(path.join(__dirname, '../../apps/core/src/cli/credentials.cli.ts'), process.argv.slice(2)));
