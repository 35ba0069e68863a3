// `npm run faults -- <name> [args]`: runs tools/faults/<name>/main.ts. Its last output line is one JSON object.
const fs = require('node:fs');
const path = require('node:path');
const { runTs } = require('../scripts/run-ts');

const [name, ...args] = process.argv.slice(2);
const available = fs
  .readdirSync(__dirname, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(__dirname, d.name, 'main.ts')))
  .map((d) => d.name);
if (!name || !available.includes(name)) {
  console.error(`Usage: npm run faults -- <name>. Known fault runs: ${available.join(', ') || '(none yet)'}`);
  process.exit(2);
}
process.exit(runTs(path.join(__dirname, name, 'main.ts'), args));
