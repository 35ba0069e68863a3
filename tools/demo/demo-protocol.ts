import type { SeedReport } from './seeding/seed-demo';

// Messages between `npm start` (tools/scripts/start.js, over the IPC channel of the demo process)
// and the demo process. start.js is plain JavaScript: these types are the reference for its fields.

/** start.js → demo: the service listens here (the URL of its `listening` log line). */
export interface ServiceListeningMessage {
  type: 'service-listening';
  url: string;
}

/** demo → start.js */
export type DemoMessage =
  | { type: 'channels-ready'; control: string; channels: Array<{ channel: string; account: string; url: string }> }
  | { type: 'seeded'; report: SeedReport; keyFile: string }
  | { type: 'failed'; stage: 'channels' | 'seeding'; message: string };
