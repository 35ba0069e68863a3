// `npm start`: the core service on the embedded default (SQLite under ./data, Redis on 127.0.0.1:6379
// or a private redis-server), and by default the demo channels beside it: four channel sandboxes
// (Amazon, Rakuten, Shopify, Yahoo!) configured as accounts, with a demo catalogue, stock and rules.
// With a channels file (urikiri.channels.yaml) it applies that file instead; with --no-demo (or
// URIKIRI_DEMO=off) it starts the service alone. Prints where everything is once it is ready.
const { spawn } = require('node:child_process');
const readline = require('node:readline');
const { banner } = require('./start/banner');
const { applyChannelsFile } = require('./start/channels-apply');
const { startDemoProcess } = require('./start/demo-process');
const { root, serviceCommand } = require('./start/service-command');
const { startMode, StartUsageError } = require('./start/start-mode');

let mode;
try {
  mode = startMode(process.argv.slice(2), process.env, root);
} catch (error) {
  if (!(error instanceof StartUsageError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}

const children = [];
let stopping = false;
let exitCode = 0;

function stopAll(signal) {
  stopping = true;
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
}

// Registered before anything starts: a Ctrl-C during the build still stops the demo process.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));
process.on('exit', () => stopAll('SIGTERM'));

/** Ends this script once every child has ended; `onExit` runs first and knows whether we were stopping. */
function track(child, onExit) {
  children.push(child);
  child.on('exit', (code, signal) => {
    onExit(code, signal, stopping);
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(exitCode);
  });
}

// The banner waits for what was started: the service's `listening` line, then the demo's seeding.
const ready = { listening: null, adminKey: null, demo: null, channelsFile: null, printed: false };
function printBannerWhenReady() {
  if (ready.printed || !ready.listening || (mode.kind === 'demo' && !(ready.demo && (ready.demo.report || ready.demo.failure)))) return;
  ready.printed = true;
  process.stdout.write(banner(ready));
}

let demo = null;
let channelsReady = Promise.resolve();
if (mode.kind === 'demo') {
  // Started first, so the sandboxes hold their listings before the service calls them.
  channelsReady = new Promise((resolve) => {
    demo = startDemoProcess((message) => {
      if (message.type === 'channels-ready') {
        ready.demo = { channels: message.channels };
        resolve();
      } else if (message.type === 'seeded') {
        ready.demo.report = message.report;
        printBannerWhenReady();
      } else if (message.type === 'failed' && message.stage === 'channels') {
        // Most often the ports are taken by another `npm start`, whose service would hold PORT too.
        process.stderr.write(`The demo channels could not start: ${message.message}\n`);
        exitCode = 1;
        stopAll('SIGTERM');
        resolve();
      } else if (message.type === 'failed') {
        ready.demo.failure = message.message;
        printBannerWhenReady();
      }
    });
    track(demo.child, (code, _signal, wasStopping) => {
      if (wasStopping) return;
      process.stderr.write(`The demo channels stopped (exit ${code}); the service keeps running. Ctrl-C stops it.\n`);
      if (!ready.demo) ready.demo = { channels: [] };
      if (!ready.demo.report) ready.demo.failure = `the demo process ended (exit ${code})`;
      resolve();
      printBannerWhenReady();
    });
  });
}

const { args, env } = serviceCommand();
channelsReady.then(() => {
  if (stopping) return;
  const service = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  track(service, (code, signal, wasStopping) => {
    // Stopped by us, a signal ending it is a clean stop; on its own, anything but 0 is a failure.
    exitCode = code ?? (wasStopping && signal ? 0 : 1);
    if (!wasStopping) stopAll('SIGTERM');
  });
  readline.createInterface({ input: service.stdout }).on('line', (line) => {
    process.stdout.write(line + '\n');
    let record;
    try {
      record = JSON.parse(line);
    } catch {
      return;
    }
    if (record.event === 'admin-key-created') ready.adminKey = record;
    if (record.event !== 'listening') return;
    ready.listening = record;
    if (demo) demo.serviceListening(record.url);
    if (mode.kind === 'channels') {
      applyChannelsFile(mode.file, record.url).then((code) => {
        ready.channelsFile = { file: mode.file, exitCode: code };
        printBannerWhenReady();
      });
      return;
    }
    printBannerWhenReady();
  });
});
