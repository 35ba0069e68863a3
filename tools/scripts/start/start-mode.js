// What `npm start` starts besides the service: the demo channels (the default), the accounts of a
// channels file (when there is one), or nothing.
const fs = require('node:fs');
const path = require('node:path');

const USAGE = 'Usage: npm start [-- --no-demo]   (URIKIRI_DEMO=off does the same)';
const OFF = /^(0|false|off|no)$/i;

class StartUsageError extends Error {}

function channelsFile(root, env) {
  return path.resolve(root, env.URIKIRI_CHANNELS_FILE || 'urikiri.channels.yaml');
}

/**
 * `demo` unless switched off or a channels file exists: a file means real channels, and the demo's
 * sandbox accounts and catalogue must never land in a real ledger. `channels` applies the file once
 * the service listens; `service` starts the service alone, as it runs in production.
 */
function startMode(args, env, root) {
  const unknown = args.filter((arg) => arg !== '--no-demo');
  if (unknown.length > 0) throw new StartUsageError(`Unknown option ${unknown.join(' ')}. ${USAGE}`);
  const file = channelsFile(root, env);
  if (fs.existsSync(file)) return { kind: 'channels', file };
  if (args.includes('--no-demo') || OFF.test(env.URIKIRI_DEMO || '')) return { kind: 'service' };
  return { kind: 'demo' };
}

module.exports = { startMode, StartUsageError };
