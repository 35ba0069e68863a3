import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(__dirname, '../../../..');
const EXAMPLES = join(ROOT, 'libs/simulation/examples');

/** The files `urikiri simulate` is shown with in docs/simulation.md, as an API request carries them. */
export function exampleSimulationRequest() {
  const read = (file: string) => readFileSync(join(EXAMPLES, file), 'utf8');
  return {
    history: read('sales.csv'),
    plan: read('sale.yaml'),
    campaigns: read('campaigns.csv'),
    stock: read('stock.csv'),
    inbound: read('inbound.csv'),
  };
}

/**
 * `urikiri simulate` on the same example files with --runs and --seed: its report.json and
 * report.html. Run as the command line runs, in a process of its own, where the simulation also
 * runs at full speed (code inside jest's sandbox runs many times slower).
 */
export async function simulateExampleOnCommandLine(runs: number, seed: number): Promise<{ json: unknown; html: string }> {
  const out = await mkdtemp(join(tmpdir(), 'urikiri-simulate-'));
  try {
    await promisify(execFile)(
      process.execPath,
      [
        join(ROOT, 'tools/cli/urikiri.js'),
        'simulate',
        ...['--history', join(EXAMPLES, 'sales.csv'), '--plan', join(EXAMPLES, 'sale.yaml')],
        ...['--runs', String(runs), '--seed', String(seed), '--out', out],
      ],
      { cwd: ROOT },
    );
    return {
      json: JSON.parse(await readFile(join(out, 'report.json'), 'utf8')),
      html: await readFile(join(out, 'report.html'), 'utf8'),
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
