// `npm run chaos -- <name> [args]`: runs tools/chaos/<name>/main.ts. Its last output line is one JSON object.
require('../scripts/run-named-entry').runNamedEntry(__dirname, 'chaos', 'chaos runs');
