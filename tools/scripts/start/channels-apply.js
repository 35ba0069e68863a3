// Applies the channels file to the service `npm start` has just started (tools/channels/main.ts).
const { spawn } = require('node:child_process');
const path = require('node:path');
const { root } = require('./service-command');

function applyChannelsFile(file, serviceUrl) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'tools/scripts/channels.js'), 'apply', '--file', file, '--url', serviceUrl], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

module.exports = { applyChannelsFile };
