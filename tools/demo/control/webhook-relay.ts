import type { IncomingHttpHeaders } from 'node:http';
import type { AccountView } from '../../service-api/api-views';
import type { ServiceApi } from '../../service-api/service-api';

/** Headers a channel signs or describes its delivery with; everything else stays behind. */
const PASSED_HEADERS = /^(content-type|x-shopify-.+|x-urikiri-signature)$/i;

export interface RelayAnswer {
  status: number;
  body: string;
}

/**
 * Passes a channel's webhooks on to the service's endpoint for the account, bytes untouched so the
 * signature still holds. The sandboxes are given the relay's address when they start, before the
 * service has said where it listens; a real Amazon setup has such a relay too (a function on the
 * notification queue). Deliveries for an account the service does not have yet are acknowledged and
 * dropped: the account's cut-over imports its open orders when it is connected.
 */
export class WebhookRelay {
  private service: { url: string; api: ServiceApi } | null = null;
  private readonly connected = new Set<string>();

  connect(url: string, api: ServiceApi): void {
    this.service = { url, api };
  }

  async forward(accountId: string, headers: IncomingHttpHeaders, body: Buffer): Promise<RelayAnswer> {
    const service = this.service;
    if (!service) return { status: 503, body: 'the service has not started yet' };
    if (!(await this.isConnected(service.api, accountId))) return { status: 202, body: `account ${accountId} is not connected yet; dropped` };
    const passed: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (PASSED_HEADERS.test(name) && value !== undefined) passed[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    try {
      const response = await fetch(`${service.url}/api/v1/channels/accounts/${encodeURIComponent(accountId)}/webhook`, { method: 'POST', headers: passed, body });
      return { status: response.status, body: await response.text() };
    } catch (error) {
      return { status: 502, body: `the service did not answer: ${(error as Error).message}` };
    }
  }

  private async isConnected(api: ServiceApi, accountId: string): Promise<boolean> {
    if (this.connected.has(accountId)) return true;
    // Accounts are only ever added, so a known one stays known and the list is read only until then.
    for (const account of await api.get<AccountView[]>('/channels/accounts')) this.connected.add(account.id);
    return this.connected.has(accountId);
  }
}
