// `npm run channels -- check | apply`: the channel accounts of urikiri.channels.yaml (tools/channels).
const path = require('node:path');
const { runTs } = require('./run-ts');

process.exit(runTs(path.join(__dirname, '../channels/main.ts'), process.argv.slice(2)));
