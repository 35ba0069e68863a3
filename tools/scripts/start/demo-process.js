// The demo process (tools/demo/main.ts): four channel sandboxes, seeded through the service's API.
// It talks to this script over IPC; tools/demo/demo-protocol.ts defines the messages.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { root } = require('./service-command');

function startDemoProcess(onMessage) {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, 'tools/demo/main.ts')], {
    cwd: root,
    env: { ...process.env, SWC_NODE_PROJECT: path.join(root, 'tsconfig.base.json') },
    // Its own process group, like the service: Ctrl-C reaches it once, from here.
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    detached: true,
  });
  child.on('message', onMessage);
  return {
    child,
    serviceListening(url) {
      if (child.connected) child.send({ type: 'service-listening', url });
    },
  };
}

module.exports = { startDemoProcess };
