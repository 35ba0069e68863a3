import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { channelsFileSchema } from './channels-file.schema';

/** Where `npm start` and `npm run channels` look for the file unless URIKIRI_CHANNELS_FILE names another. */
export const DEFAULT_CHANNELS_FILE = 'urikiri.channels.yaml';

/** One channel account as the file describes it, its credentials read from the environment. */
export interface ChannelAccountConfig {
  id: string;
  connector: string;
  displayName: string;
  baseUrl?: string;
  credentials: Record<string, string>;
  /** Credential field → the environment variable it was read from (for messages; never the values). */
  credentialSources: Record<string, string>;
}

/** Everything wrong with the file at once, one line per problem, each naming where and what is accepted. */
export class ChannelsFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} cannot be used:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ChannelsFileError';
  }
}

/**
 * Reads the channels file: a YAML list of accounts whose credentials are named environment
 * variables, so the file can be committed and reviewed while the secrets stay in the environment.
 * Every problem is reported together: the file's shape (path and what is accepted), an account id
 * given twice, and each variable that is not set, with its account.
 */
export function parseChannelsFile(text: string, env: NodeJS.ProcessEnv, file = DEFAULT_CHANNELS_FILE): ChannelAccountConfig[] {
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) throw new ChannelsFileError(file, document.errors.map((e) => e.message.split('\n')[0]));
  const parsed = channelsFileSchema.safeParse(document.toJS());
  if (!parsed.success) {
    throw new ChannelsFileError(
      file,
      parsed.error.issues.map((issue) => `${issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('') || '(the file)'}: ${issue.message}`),
    );
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  const accounts = parsed.data.accounts.map((account): ChannelAccountConfig => {
    if (seen.has(account.id)) problems.push(`account "${account.id}" is listed twice; each account once`);
    seen.add(account.id);
    const credentials: Record<string, string> = {};
    for (const [field, variable] of Object.entries(account.credentials)) {
      const value = env[variable];
      if (value === undefined || value === '') {
        problems.push(`account "${account.id}": credential "${field}" comes from the environment variable ${variable}, which is not set`);
      } else {
        credentials[field] = value;
      }
    }
    return {
      id: account.id,
      connector: account.connector,
      displayName: account.displayName,
      ...(account.baseUrl ? { baseUrl: account.baseUrl } : {}),
      credentials,
      credentialSources: { ...account.credentials },
    };
  });
  if (problems.length > 0) throw new ChannelsFileError(file, problems);
  return accounts;
}

export function readChannelsFile(path: string, env: NodeJS.ProcessEnv): ChannelAccountConfig[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ChannelsFileError(path, [`cannot be read: ${(error as Error).message}`]);
  }
  return parseChannelsFile(text, env, path);
}
