import { join, resolve } from 'node:path';
import type { WorkerOptions } from 'node:worker_threads';

/** The thread's bundle beside main.js; the name of its entry in apps/core/webpack.config.js. */
export const SIMULATION_THREAD_BUNDLE = 'simulation-thread.js';

export interface ThreadEntry {
  /** A file to run, or code when options.eval is set. */
  readonly filename: string;
  readonly options: WorkerOptions;
}

/**
 * Where the simulation thread's code is. Built, this module is part of dist/apps/core/main.js (webpack
 * leaves __dirname alone for node) and the thread's bundle lies beside it. From the TypeScript sources
 * (jest, or `npm start` running the sources when the build fails) it is simulation.thread.ts, compiled
 * on load by the same SWC hook the workspace's scripts use, resolving @urikiri/* through
 * tsconfig.base.json.
 */
export function simulationThreadEntry(): ThreadEntry {
  if (!__filename.endsWith('.ts')) return { filename: join(__dirname, SIMULATION_THREAD_BUNDLE), options: {} };
  const source = join(__dirname, 'simulation.thread.ts');
  const project = resolve(__dirname, '../../../../tsconfig.base.json');
  const code = [
    `process.env.SWC_NODE_PROJECT ??= ${JSON.stringify(project)};`,
    `require('node:module').createRequire(${JSON.stringify(source)})('@swc-node/register');`,
    `require(${JSON.stringify(source)});`,
  ].join('\n');
  return { filename: code, options: { eval: true } };
}
