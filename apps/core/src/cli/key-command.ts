import { parseArgs } from 'node:util';
import { z } from 'zod';
import { API_KEY_SCOPES } from '../auth/api-key-scope';
import type { ApiKeyService } from '../auth/api-key.service';

export const KEY_USAGE = [
  'Usage:',
  '  node tools/scripts/key.js create --scopes read,write [--name "shop sync"]',
  '  node tools/scripts/key.js list',
  '  node tools/scripts/key.js revoke <id>',
  `Scopes: ${API_KEY_SCOPES.join(', ')} (each includes the ones before it).`,
].join('\n');

export class KeyCommandError extends Error {}

const scopesSchema = z.array(z.enum(API_KEY_SCOPES)).min(1);

/** Runs one key command against the service's database and answers the text to print. */
export async function runKeyCommand(args: string[], apiKeys: ApiKeyService): Promise<string> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { scopes: { type: 'string' }, name: { type: 'string' } },
  });
  const [command, argument] = positionals;
  if (command === 'create') {
    const scopes = scopesSchema.safeParse((values.scopes ?? '').split(',').map((scope) => scope.trim()).filter(Boolean));
    if (!scopes.success) throw new KeyCommandError(`--scopes must list one or more of ${API_KEY_SCOPES.join(', ')}, separated by commas.`);
    const created = await apiKeys.create(values.name ?? `created ${new Date().toISOString()}`, scopes.data);
    return `Created API key #${created.id} with scopes ${created.scopes.join(', ')}. It is shown only this once:\n${created.key}`;
  }
  if (command === 'list') {
    const keys = await apiKeys.list();
    if (keys.length === 0) return 'No API keys yet.';
    return keys
      .map((key) => `#${key.id}  ${key.prefix}…  ${key.scopes.join(',')}  ${key.name}${key.revokedAt ? `  (revoked ${key.revokedAt})` : ''}`)
      .join('\n');
  }
  if (command === 'revoke' && argument && /^\d+$/.test(argument)) {
    const revoked = await apiKeys.revoke(Number(argument));
    return `Revoked API key #${revoked.id} (${revoked.prefix}…).`;
  }
  throw new KeyCommandError(KEY_USAGE);
}
