import type { AccountView, ConnectorView } from '../service-api/api-views';
import type { ServiceApi } from '../service-api/service-api';
import type { ChannelAccountConfig } from './channels-file';

export interface ApplyReport {
  /** Connected now; the service imports their open orders (cut-over) before the first push. */
  created: string[];
  unchanged: string[];
  /** In the service with other settings than the file's; left as they are (the API cannot edit an account). */
  differs: Array<{ id: string; differences: string[] }>;
  /** In the service but not in the file: left as they are. */
  notInFile: string[];
}

/** The file asks for something this service cannot do; nothing was applied. */
export class ChannelsApplyError extends Error {
  constructor(readonly problems: string[]) {
    super(`Nothing was applied:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ChannelsApplyError';
  }
}

/**
 * Makes the service hold the file's channel accounts: every account is checked against the
 * connectors the service runs first (so a mistake applies nothing), then the missing ones are
 * connected. Existing accounts are compared, never changed or removed: the API has no way to edit
 * an account, and a removal is the operator's decision.
 */
export async function applyChannels(api: ServiceApi, accounts: readonly ChannelAccountConfig[]): Promise<ApplyReport> {
  const connectors = await api.get<ConnectorView[]>('/channels/connectors');
  const existing = new Map((await api.get<AccountView[]>('/channels/accounts')).map((a) => [a.id, a]));
  const problems = accounts.filter((a) => !existing.has(a.id)).flatMap((a) => credentialProblems(a, connectors));
  if (problems.length > 0) throw new ChannelsApplyError(problems);

  const report: ApplyReport = { created: [], unchanged: [], differs: [], notInFile: [] };
  for (const account of accounts) {
    const current = existing.get(account.id);
    if (!current) {
      await api.post('/channels/accounts', {
        id: account.id,
        connector: account.connector,
        displayName: account.displayName,
        credentials: account.credentials,
        ...(account.baseUrl ? { baseUrl: account.baseUrl } : {}),
      });
      report.created.push(account.id);
      continue;
    }
    const differences = [
      ...(current.connector !== account.connector ? [`connector is ${current.connector} in the service, ${account.connector} in the file`] : []),
      ...(current.displayName !== account.displayName ? [`displayName is "${current.displayName}" in the service, "${account.displayName}" in the file`] : []),
      ...((current.baseUrl ?? null) !== (account.baseUrl ?? null) ? [`baseUrl is ${current.baseUrl ?? '(the connector default)'} in the service, ${account.baseUrl ?? '(the connector default)'} in the file`] : []),
    ];
    if (differences.length > 0) report.differs.push({ id: account.id, differences });
    else report.unchanged.push(account.id);
  }
  const inFile = new Set(accounts.map((a) => a.id));
  report.notInFile = [...existing.keys()].filter((id) => !inFile.has(id));
  return report;
}

/** The connector must be one the service runs, and the file must give each credential it requires and none it does not know. */
function credentialProblems(account: ChannelAccountConfig, connectors: readonly ConnectorView[]): string[] {
  const connector = connectors.find((c) => c.id === account.connector);
  if (!connector) return [`account "${account.id}": connector "${account.connector}" is not one this service runs (${connectors.map((c) => c.id).join(', ')})`];
  const known = new Set(connector.credentials.map((c) => c.name));
  const given = Object.keys(account.credentialSources);
  return [
    ...connector.credentials
      .filter((c) => c.required !== false && !given.includes(c.name))
      .map((c) => `account "${account.id}": ${connector.id} needs the credential "${c.name}" (${c.label}); add it under credentials with the environment variable holding it`),
    ...given
      .filter((name) => !known.has(name))
      .map((name) => `account "${account.id}": ${connector.id} has no credential "${name}"; it takes ${[...known].join(', ')}`),
  ];
}
