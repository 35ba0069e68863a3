// The runner behind `npm run bench|replay|chaos|faults -- <name> [args]`: runs `<dir>/<name>/main.ts`,
// whose last output line is one JSON object, or names the ones that exist.
const fs = require('node:fs');
const path = require('node:path');
const { runTs } = require('./run-ts');

function runNamedEntry(dir, command, kind) {
  const [name, ...args] = process.argv.slice(2);
  const available = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'main.ts')))
    .map((d) => d.name);
  if (!name || !available.includes(name)) {
    console.error(`Usage: npm run ${command} -- <name>. Known ${kind}: ${available.join(', ') || '(none yet)'}`);
    process.exit(2);
  }
  process.exit(runTs(path.join(dir, name, 'main.ts'), args));
}

module.exports = { runNamedEntry };
