import { z } from 'zod';

const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

interface SchemaIssue {
  code?: string;
  input?: unknown;
  keys?: string[];
}

/** Messages that say what is accepted: for a field left out, one of the wrong kind, or a field the file may not have. */
const required = (accepted: string) => ({
  error: (issue: SchemaIssue) => {
    if (issue.code === 'unrecognized_keys') return `unknown field ${(issue.keys ?? []).map((k) => `"${k}"`).join(', ')}; accepted: ${accepted}`;
    return issue.input === undefined ? `is required: ${accepted}` : `must be ${accepted}`;
  },
});

/** The same rule the service applies to account ids (they appear in queue names and URLs). */
const accountId = z
  .string(required('your id for the account, e.g. rakuten-main'))
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be 1-64 lowercase letters, digits or dashes, starting with a letter or digit');

const envName = z
  .string(required('the name of an environment variable'))
  .regex(ENV_NAME, 'must name an environment variable (capital letters, digits and _), never hold the credential itself');

export const channelsFileSchema = z.strictObject({
  accounts: z
    .array(
      z.strictObject({
        id: accountId,
        connector: z.string(required('a connector id such as rakuten')).regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a connector id such as rakuten'),
        displayName: z.string(required('the name operators see, e.g. 楽天市場 本店')).min(1, 'must not be empty').max(255),
        baseUrl: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).max(512).optional(),
        credentials: z.record(z.string().min(1), envName, required('a mapping of each credential field to the environment variable holding it')),
      }, required('an account: id, connector, displayName, credentials and optionally baseUrl')),
      required('a list of channel accounts'),
    )
    .min(1, 'must list at least one account'),
}, required('a mapping with the key accounts: a list of channel accounts'));

export type ChannelsFileDocument = z.output<typeof channelsFileSchema>;
