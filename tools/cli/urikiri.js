#!/usr/bin/env node
// `npx urikiri <command>`: dispatches to the TypeScript command entries, run without a build step.
const path = require('node:path');
const { runTs } = require('../scripts/run-ts');

const COMMANDS = {
  simulate: {
    entry: 'simulate.command.ts',
    summary: 'forecast a promotion, simulate policies, recommend rules and replenishment',
    usage: 'urikiri simulate --history sales.csv --plan sale.yaml --out report/',
  },
  backtest: {
    entry: 'backtest.command.ts',
    summary: 'rolling-origin backtest of the baseline forecasts (MASE, RMSSE vs seasonal naive)',
    usage: 'urikiri backtest --history sales.csv --horizon 12',
  },
};

function usage() {
  const lines = ['Usage: urikiri <command> [options]', '', 'Commands:'];
  for (const [name, command] of Object.entries(COMMANDS)) {
    lines.push(`  ${name.padEnd(10)} ${command.summary}`, `  ${''.padEnd(10)} ${command.usage}`);
  }
  lines.push('', 'Run `urikiri <command> --help` for the options of a command.');
  return lines.join('\n');
}

const [name, ...args] = process.argv.slice(2);
if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
  console.log(usage());
  process.exit(name === undefined ? 2 : 0);
}
const command = COMMANDS[name];
if (command === undefined) {
  console.error(`urikiri: unknown command "${name}". Known commands: ${Object.keys(COMMANDS).join(', ')}.\n`);
  console.error(usage());
  process.exit(2);
}
process.exit(runTs(path.join(__dirname, command.entry), args));
