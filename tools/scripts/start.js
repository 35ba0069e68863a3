// `npm start`: the core service on the embedded default (SQLite under ./data, Redis on 127.0.0.1:6379
// or a private redis-server). Builds apps/core when the build is missing or older than the sources,
// runs the TypeScript entry directly when the build fails, and prints where the API and its docs are.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');

const root = path.resolve(__dirname, '../..');
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
  if (buildIsFresh() || build()) return { args: [built], env: process.env };
  process.stderr.write('The build failed (see above); running the TypeScript sources directly instead.\n');
  return {
    args: ['-r', '@swc-node/register', entry],
    env: { ...process.env, SWC_NODE_PROJECT: path.join(root, 'tsconfig.base.json') },
  };
}

function banner(listening, adminKey) {
  const lines = [
    '',
    '  urikiri core is running',
    `  API        ${listening.api}`,
    `  API docs   ${listening.docs}`,
    `  Health     ${listening.url}/health`,
  ];
  if (adminKey) {
    lines.push(`  Admin key  ${adminKey.apiKey}   (shown only this once: keep it safe)`);
    lines.push(`  Another    ${adminKey.createAnother}`);
  } else {
    lines.push('  API keys   node tools/scripts/key.js create --scopes read,write');
  }
  lines.push('  Stop       Ctrl-C', '');
  return lines.join('\n') + '\n';
}

const { args, env } = serviceCommand();
// Its own process group, so Ctrl-C reaches the service once (from here) and it shuts down gracefully.
const service = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
let adminKey;
let stopping = false;

readline.createInterface({ input: service.stdout }).on('line', (line) => {
  process.stdout.write(line + '\n');
  let record;
  try {
    record = JSON.parse(line);
  } catch {
    return;
  }
  if (record.event === 'admin-key-created') adminKey = record;
  if (record.event === 'listening') process.stdout.write(banner(record, adminKey));
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    service.kill(signal);
  });
}
process.on('exit', () => {
  if (service.exitCode === null && service.signalCode === null) service.kill('SIGTERM');
});
service.on('exit', (code, signal) => process.exit(code ?? (stopping && signal ? 0 : 1)));
