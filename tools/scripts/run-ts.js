// Runs a TypeScript entry point of the workspace directly (SWC, tsconfig paths, decorator metadata),
// so scripts and benchmarks import the libs exactly as the app does, without a build step.
const path = require('node:path');
const { spawnSync } = require('node:child_process');

function runTs(entry, args, extraEnv = {}) {
  const root = path.resolve(__dirname, '../..');
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', entry, ...args], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, SWC_NODE_PROJECT: path.join(root, 'tsconfig.base.json'), ...extraEnv },
  });
  return result.status ?? 1;
}

module.exports = { runTs };
