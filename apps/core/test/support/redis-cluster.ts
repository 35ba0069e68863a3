import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type PrivateRedisServer, startPrivateRedisServer } from '../../src/redis/private-redis-server';
import { requiredOnPath } from './redis-binaries';

const run = promisify(execFile);
const MASTERS = 3;

export interface LocalRedisCluster {
  /** `redis://127.0.0.1:<port>` of every master, as REDIS_CLUSTER_NODES takes them. */
  readonly nodes: readonly string[];
  stop(): void;
}

async function clusterReady(nodes: readonly string[], deadline: number): Promise<void> {
  for (;;) {
    const states = await Promise.all(
      nodes.map(async (url) => {
        const { stdout } = await run(requiredOnPath('redis-cli'), ['-u', url, 'cluster', 'info']);
        return /cluster_state:ok/.test(stdout);
      }),
    );
    if (states.every(Boolean)) return;
    if (Date.now() > deadline) throw new Error('The local Redis Cluster did not reach cluster_state:ok within 20 seconds');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A real Redis Cluster of three masters on free local ports, in memory, in a temporary directory
 * (each node keeps its nodes.conf there). Every redis-server runs behind the private server's
 * watchdog, so none outlives the test process however it ends.
 */
export async function startRedisCluster(): Promise<LocalRedisCluster> {
  const binary = requiredOnPath('redis-server');
  const cli = requiredOnPath('redis-cli');
  const directory = mkdtempSync(join(tmpdir(), 'urikiri-redis-cluster-'));
  const servers: PrivateRedisServer[] = [];
  const stop = () => {
    for (const server of servers) server.stop();
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < MASTERS; i++) {
      const nodeDirectory = join(directory, `node-${i}`);
      mkdirSync(nodeDirectory);
      servers.push(await startPrivateRedisServer(binary, { extraArgs: ['--cluster-enabled', 'yes', '--dir', nodeDirectory, '--cluster-node-timeout', '5000'] }));
    }
    const nodes = servers.map((server) => server.url);
    const addresses = nodes.map((url) => new URL(url).host);
    await run(cli, ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes']);
    await clusterReady(nodes, Date.now() + 20_000);
    return { nodes, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
