// How `npm start` runs the core service: the build in dist/ when it is newer than the sources (built
// first when missing or older), else the TypeScript entry directly when the build fails.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../../..');
const built = path.join(root, 'dist/apps/core/main.js');
const entry = path.join(root, 'apps/core/src/main.ts');
const SOURCE_DIRS = ['apps/core/src', 'libs'];

function newestMtime(directory) {
  let newest = 0;
  for (const item of fs.readdirSync(directory, { withFileTypes: true })) {
    if (item.name === 'node_modules') continue;
    const full = path.join(directory, item.name);
    newest = Math.max(newest, item.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsFresh() {
  if (!fs.existsSync(built)) return false;
  const sources = SOURCE_DIRS.map((dir) => path.join(root, dir)).filter((dir) => fs.existsSync(dir));
  return fs.statSync(built).mtimeMs >= Math.max(...sources.map(newestMtime));
}

function build() {
  process.stderr.write('Building the core service (npx nx build core; the first build takes a minute)…\n');
  const result = spawnSync('npx', ['nx', 'build', 'core', '--outputStyle=static'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { NX_DAEMON: 'false', ...process.env },
    shell: process.platform === 'win32',
  });
  return result.status === 0;
}

function serviceCommand() {
  if (buildIsFresh() || build()) return { args: [built], env: { ...process.env } };
  process.stderr.write('The build failed (see above); running the TypeScript sources directly instead.\n');
  return {
    args: ['-r', '@swc-node/register', entry],
    env: { ...process.env, SWC_NODE_PROJECT: path.join(root, 'tsconfig.base.json') },
  };
}

module.exports = { root, serviceCommand };
