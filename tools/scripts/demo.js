// `npm run demo -- sell <channel> <sku> [quantity] | status`: talks to the demo `npm start` runs.
const path = require('node:path');
const { runTs } = require('./run-ts');

process.exit(runTs(path.join(__dirname, '../demo/cli.ts'), process.argv.slice(2)));
