// `npm run bench -- <name> [args]`: runs tools/bench/<name>/main.ts. Its last output line is one JSON object.
require('../scripts/run-named-entry').runNamedEntry(__dirname, 'bench', 'benchmarks');
