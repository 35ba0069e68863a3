import axios from 'axios';
import type { PushItem } from '@urikiri/connector-sdk';
import {
  createYahooSandbox,
  type YahooSandbox,
  type YahooSandboxOptions,
} from '../sandbox/yahoo.sandbox';
import { YahooConnector } from '../yahoo.connector';
import { YAHOO_PATHS } from '../yahoo-wire.types';

/** A sandbox store with the connector an operator would configure for it. */
export async function openTestStore(
  options: YahooSandboxOptions = {},
): Promise<{ sandbox: YahooSandbox; connector: YahooConnector }> {
  const sandbox = await createYahooSandbox({ seed: 11, ...options });
  const connector = new YahooConnector({
    credentials: sandbox.credentials(),
    baseUrl: sandbox.url,
    timeoutMs: 2000,
  });
  return { sandbox, connector };
}

let version = 0;
export function pushItem(
  listingId: string,
  target: number,
  lastPublished: number | null,
): PushItem {
  version += 1;
  return { listingId, target, lastPublished, version };
}

/** A raw call to the sandbox with a fresh token, for checking what goes over the wire. */
export async function rawCall(
  sandbox: YahooSandbox,
  path: string,
  body: string,
  contentType: string,
) {
  const creds = sandbox.credentials();
  const token = await axios.post<{ access_token: string }>(
    `${sandbox.url}${YAHOO_PATHS.token}`,
    new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: creds.refreshToken,
      client_id: creds.clientId,
      client_secret: creds.clientSecret,
    }).toString(),
    { headers: { 'content-type': 'application/x-www-form-urlencoded' } },
  );
  return axios.post<string>(`${sandbox.url}${path}`, body, {
    headers: {
      'content-type': contentType,
      authorization: `Bearer ${token.data.access_token}`,
    },
    responseType: 'text',
    validateStatus: () => true,
  });
}
