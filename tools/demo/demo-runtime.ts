import type { ServiceApi } from '../service-api/service-api';
import { startControlServer, type ControlServer } from './control/control-server';
import { demoPorts } from './demo-channel-ids';
import { DemoStateFile } from './demo-state-file';
import { startDemoSandboxes, type DemoSandboxes, type DemoSandboxesOptions } from './sandboxes/demo-sandboxes';
import { seedDemo, type SeedOptions, type SeedReport } from './seeding/seed-demo';

export interface DemoRuntimeOptions {
  /** The control endpoint's port; the sandboxes take the four after it. 0: free ports (tests). */
  basePort: number;
  /** The state file that carries what the sandboxes must remember across restarts. */
  stateFile: string;
  /** Per-call latency and catalogue of the sandboxes; the demo's catalogue without latency by default. */
  sandboxes?: DemoSandboxesOptions['each'];
}

export interface DemoRuntime {
  readonly control: ControlServer;
  readonly sandboxes: DemoSandboxes;
  /** Channel name → the sandbox URL accounts are configured with. */
  channels(): Array<{ channel: string; account: string; url: string }>;
  /** Points the relay and the control endpoint at the service, then seeds and waits for every channel to be in line. */
  connect(serviceUrl: string, api: ServiceApi, options?: SeedOptions): Promise<SeedReport>;
  close(): Promise<void>;
}

/** The demo's channels: the control endpoint (with the webhook relay) and the four sandboxes behind it. */
export async function startDemoRuntime(options: DemoRuntimeOptions): Promise<DemoRuntime> {
  const ports = demoPorts(options.basePort);
  const control = await startControlServer(ports.control);
  let sandboxes: DemoSandboxes;
  try {
    sandboxes = await startDemoSandboxes({
      ports,
      webhookUrl: (channel) => `${control.url}/relay/${channel}`,
      state: new DemoStateFile(options.stateFile),
      each: options.sandboxes,
    });
  } catch (error) {
    await control.close();
    throw error;
  }
  control.attach(sandboxes);
  return {
    control,
    sandboxes,
    channels: () => sandboxes.all.map((s) => ({ channel: s.channel, account: s.account.id, url: s.url })),
    connect: async (serviceUrl, api, seedOptions) => {
      control.connect(serviceUrl, api);
      return seedDemo(api, sandboxes.all, seedOptions);
    },
    close: async () => {
      await control.close();
      await sandboxes.close();
    },
  };
}
