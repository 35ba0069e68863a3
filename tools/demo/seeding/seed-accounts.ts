import type { AccountView } from '../../service-api/api-views';
import type { ServiceApi } from '../../service-api/service-api';
import type { DemoSandbox } from '../sandboxes/demo-sandbox';

export interface AccountsReport {
  /** Accounts connected by this run. */
  created: string[];
  /** Accounts that were there already: their sandboxes were restarted and must be reconciled. */
  existing: string[];
  /** Existing accounts whose base URL is not their sandbox's (the demo ran on other ports before). */
  elsewhere: Array<{ account: string; baseUrl: string | null; sandbox: string }>;
}

/**
 * Connects each sandbox as a channel account, with the credentials the sandbox accepts and its
 * fixed URL as base URL. The service checks the credentials, stores them encrypted and imports the
 * account's open orders (cut-over) as a job before its first push.
 */
export async function seedAccounts(api: ServiceApi, sandboxes: readonly DemoSandbox[]): Promise<AccountsReport> {
  const known = new Map((await api.get<AccountView[]>('/channels/accounts')).map((a) => [a.id, a]));
  const report: AccountsReport = { created: [], existing: [], elsewhere: [] };
  for (const sandbox of sandboxes) {
    const account = known.get(sandbox.account.id);
    if (account) {
      report.existing.push(account.id);
      if (account.baseUrl !== sandbox.url) report.elsewhere.push({ account: account.id, baseUrl: account.baseUrl, sandbox: sandbox.url });
      continue;
    }
    await api.post('/channels/accounts', {
      id: sandbox.account.id,
      connector: sandbox.channel,
      displayName: sandbox.account.displayName,
      credentials: sandbox.credentials(),
      baseUrl: sandbox.url,
    });
    report.created.push(sandbox.account.id);
  }
  return report;
}
