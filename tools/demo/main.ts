// The demo process `npm start` runs beside the core service: four channel sandboxes on fixed
// loopback ports, seeded as the service's channel accounts. Run by tools/scripts/start.js, which
// tells it (over IPC) where the service listens; see demo-protocol.ts.
import { join, resolve } from 'node:path';
import pino from 'pino';
import { ensureLocalAdminKey } from '../service-api/local-admin-key';
import { ServiceApi } from '../service-api/service-api';
import { DEFAULT_DEMO_BASE_PORT } from './demo-channel-ids';
import type { DemoMessage, ServiceListeningMessage } from './demo-protocol';
import { startDemoRuntime, type DemoRuntime } from './demo-runtime';

const ROOT = resolve(__dirname, '../..');
const log = pino({ base: { service: 'urikiri-demo' } });

function tell(message: DemoMessage): void {
  process.send?.(message);
}

function basePort(): number {
  const raw = process.env['URIKIRI_DEMO_PORT'];
  const port = raw ? Number(raw) : DEFAULT_DEMO_BASE_PORT;
  if (!Number.isInteger(port) || port < 1024 || port > 65530) {
    throw new Error(`URIKIRI_DEMO_PORT must be a port from 1024 to 65530 (the demo uses it and the four after it), but "${raw}" is not.`);
  }
  return port;
}

async function connect(runtime: DemoRuntime, serviceUrl: string): Promise<void> {
  try {
    const key = await ensureLocalAdminKey({ root: ROOT, serviceUrl });
    if (key.created) log.info({ keyFile: key.file }, 'Created the admin key npm start configures the demo with (owner-only file)');
    const report = await runtime.connect(serviceUrl, new ServiceApi(serviceUrl, key.key));
    log.info({ event: 'demo-seeded', ...report }, `Every demo listing shows what the rules say (${report.tookMs} ms)`);
    tell({ type: 'seeded', report, keyFile: key.file });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error({ event: 'demo-seeding-failed' }, message);
    tell({ type: 'failed', stage: 'seeding', message });
  }
}

async function main(): Promise<void> {
  let runtime: DemoRuntime;
  try {
    runtime = await startDemoRuntime({ basePort: basePort(), stateFile: join(ROOT, 'data/demo-channels.json') });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error({ event: 'demo-channels-failed' }, message);
    tell({ type: 'failed', stage: 'channels', message });
    process.exit(1);
  }
  const channels = runtime.channels();
  log.info({ event: 'demo-channels-ready', control: runtime.control.url, channels }, 'Demo channel sandboxes are listening');
  tell({ type: 'channels-ready', control: runtime.control.url, channels });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  // start.js gone (however it ended): nothing would stop the sandboxes otherwise.
  process.on('disconnect', () => void stop());
  process.on('message', (message: ServiceListeningMessage) => {
    if (message.type === 'service-listening') void connect(runtime, message.url);
  });
  // Run on its own (no start.js): URIKIRI_DEMO_SERVICE_URL names a service that already listens.
  const serviceUrl = process.env['URIKIRI_DEMO_SERVICE_URL'];
  if (!process.send && serviceUrl) await connect(runtime, serviceUrl);
}

void main();
