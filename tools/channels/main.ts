// `npm run channels -- check | apply [--file <path>] [--url <service>]`: the channel accounts of
// urikiri.channels.yaml, their credentials read from the environment variables the file names.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureLocalAdminKey } from '../service-api/local-admin-key';
import { ServiceApi, ServiceApiError } from '../service-api/service-api';
import { applyChannels, ChannelsApplyError } from './apply-channels';
import { ChannelsFileError, DEFAULT_CHANNELS_FILE, readChannelsFile } from './channels-file';
import { reportLines } from './report-lines';

const ROOT = resolve(__dirname, '../..');
const USAGE = [
  'Usage:',
  '  npm run channels -- check [--file urikiri.channels.yaml]     read the file and the environment; change nothing',
  '  npm run channels -- apply [--file …] [--url http://127.0.0.1:3000]   connect the accounts the service does not have yet',
  'The API key is URIKIRI_API_KEY (admin), or else the local one npm start keeps in data/ for a service on this machine.',
].join('\n');

async function apiKey(serviceUrl: string): Promise<string> {
  const given = process.env['URIKIRI_API_KEY'];
  if (given) return given;
  return (await ensureLocalAdminKey({ root: ROOT, serviceUrl })).key;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { file: { type: 'string' }, url: { type: 'string' } },
  });
  const [command] = positionals;
  if (positionals.length !== 1 || (command !== 'check' && command !== 'apply')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const file = resolve(values.file ?? process.env['URIKIRI_CHANNELS_FILE'] ?? DEFAULT_CHANNELS_FILE);
  const accounts = readChannelsFile(file, process.env);
  if (command === 'check') {
    process.stdout.write(`${file}: ${accounts.length} accounts, every credential found in the environment (${accounts.map((a) => a.id).join(', ')})\n`);
    return 0;
  }
  const serviceUrl = (values.url ?? `http://127.0.0.1:${process.env['PORT'] || 3000}`).replace(/\/+$/, '');
  await fetch(`${serviceUrl}/health`).catch(() => {
    throw new ChannelsApplyError([`nothing answers on ${serviceUrl}: start the service first (npm start), or name it with --url`]);
  });
  const report = await applyChannels(new ServiceApi(serviceUrl, await apiKey(serviceUrl)), accounts);
  process.stdout.write(`${[`${file} → ${serviceUrl}`, ...reportLines(report)].join('\n')}\n`);
  return report.differs.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof ChannelsFileError || error instanceof ChannelsApplyError || error instanceof ServiceApiError;
    process.stderr.write(`${known ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(known ? 2 : 1);
  },
);
