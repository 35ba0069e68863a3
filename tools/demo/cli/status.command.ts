import { describeLine } from '../channel-sync-state';
import { DEMO_PRODUCTS } from '../demo-catalogue';
import { DEMO_CHANNEL_IDS } from '../demo-channel-ids';
import type { ControlClient } from './control-client';

/** Every demo product with what each channel shows; a `*` marks a listing not (yet) at its target. */
export async function status(client: ControlClient, write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<void> {
  const lines = await client.state();
  write(`${'SKU'.padEnd(18)}${DEMO_CHANNEL_IDS.map((c) => c.padStart(9)).join('')}  name`);
  for (const product of DEMO_PRODUCTS) {
    const cells = DEMO_CHANNEL_IDS.map((channel) => {
      const line = lines.find((l) => l.channel === channel && l.sku === product.code);
      return `${line?.shows ?? '-'}${line && !line.inLine ? '*' : ' '}`.padStart(9);
    });
    write(`${product.code.padEnd(18)}${cells.join('')}  ${product.name}`);
  }
  const behind = lines.filter((l) => !l.inLine);
  write(behind.length === 0 ? 'Every listing shows what the rules say.' : `Not at the rules' quantity (*):`);
  behind.forEach((l) => write(`  ${describeLine(l)}`));
}
