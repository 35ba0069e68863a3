// `npm run replay -- <name> [args]`: runs tools/replay/<name>/main.ts. Its last output line is one JSON object.
require('../scripts/run-named-entry').runNamedEntry(__dirname, 'replay', 'replays');
