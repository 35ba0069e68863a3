import type { MikroORM } from '@mikro-orm/core';
import { CredentialCipher } from '@urikiri/sync';
import { parseArgs } from 'node:util';
import { CONFIG_VARIABLES } from '../config/config-variables';
import { rotateCredentials } from '../security/credentials/rotate-credentials';

export const CREDENTIALS_USAGE = [
  'Usage:',
  '  OLD_KEY=… NEW_KEY=… npm run credentials -- rotate --from-env OLD_KEY --to-env NEW_KEY',
  'Re-encrypts every channel account\'s credentials from the key in one environment variable to the key in',
  'another, in one transaction. The keys are read from the environment, never from the command line.',
  'On the embedded default the old key is the file ./data/credentials.key: OLD_KEY="$(cat data/credentials.key)".',
].join('\n');

export class CredentialsCommandError extends Error {}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The key held by the variable an option names; the option's own value is never echoed (it may be a key pasted by mistake). */
function keyFrom(option: string, name: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  if (!name || !VARIABLE_NAME.test(name)) {
    throw new CredentialsCommandError(`${option} must name an environment variable that holds the key (the key itself is never given on the command line).\n${CREDENTIALS_USAGE}`);
  }
  const key = env[name];
  // A key is at least 32 characters, so a shorter name cannot be a key pasted in by mistake: only then is it repeated.
  const shown = name.length < 32 ? name : 'a variable';
  if (!key) throw new CredentialsCommandError(`${option} names ${shown}, which is not set.`);
  if (!CONFIG_VARIABLES.CREDENTIALS_KEY.schema.safeParse(key).success) {
    throw new CredentialsCommandError(`The key in ${shown} must be ${CONFIG_VARIABLES.CREDENTIALS_KEY.accepted}, as CREDENTIALS_KEY must.`);
  }
  return key;
}

/** Runs one credentials command against the service's database and answers the text to print. */
export async function runCredentialsCommand(args: string[], orm: MikroORM, env: Readonly<Record<string, string | undefined>>): Promise<string> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { 'from-env': { type: 'string' }, 'to-env': { type: 'string' } } });
  } catch {
    throw new CredentialsCommandError(CREDENTIALS_USAGE);
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1 || positionals[0] !== 'rotate') throw new CredentialsCommandError(CREDENTIALS_USAGE);
  const fromName = values['from-env'];
  const toName = values['to-env'];
  const from = keyFrom('--from-env', fromName, env);
  const to = keyFrom('--to-env', toName, env);
  if (from === to) throw new CredentialsCommandError(`${fromName} and ${toName} hold the same key: there is nothing to rotate.`);
  const report = await rotateCredentials(orm, new CredentialCipher(from), new CredentialCipher(to));
  const lines = [
    report.rotated.length === 0
      ? 'No channel account needed re-encrypting.'
      : `Re-encrypted the credentials of ${report.rotated.length} channel account(s) with the key in ${toName}: ${report.rotated.join(', ')}.`,
  ];
  if (report.alreadyRotated.length > 0) lines.push(`Already encrypted with that key, left as they were: ${report.alreadyRotated.join(', ')}.`);
  lines.push(`Set CREDENTIALS_KEY to the key in ${toName} for every process (or write it to ./data/credentials.key on the embedded default) before starting the service again.`);
  return lines.join('\n');
}
