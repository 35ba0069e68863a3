// `npm run demo -- <command>`: acts on the demo that `npm start` runs (its loopback control endpoint).
import { ControlClient } from './cli/control-client';
import { sell } from './cli/sell.command';
import { status } from './cli/status.command';
import { DEMO_CHANNEL_IDS } from './demo-channel-ids';

const USAGE = [
  'Usage:',
  '  npm run demo -- sell <channel> <sku> [quantity]   a buyer orders on that channel; watch the others follow',
  '  npm run demo -- status                            what every channel shows for every demo product',
  `Channels: ${DEMO_CHANNEL_IDS.join(', ')}. SKUs: see \`npm run demo -- status\`.`,
].join('\n');

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const client = new ControlClient();
  if (command === 'status' && rest.length === 0) {
    await status(client);
    return 0;
  }
  if (command === 'sell' && (rest.length === 2 || rest.length === 3)) {
    const quantity = rest[2] === undefined ? 1 : Number(rest[2]);
    return (await sell(client, rest[0], rest[1], quantity)) ? 0 : 1;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
