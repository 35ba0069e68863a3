// `npm run faults -- <name> [args]`: runs tools/faults/<name>/main.ts. Its last output line is one JSON object.
require('../scripts/run-named-entry').runNamedEntry(__dirname, 'faults', 'fault runs');
