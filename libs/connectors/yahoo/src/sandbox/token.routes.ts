import {
  jsonResponse,
  type SandboxRoute,
} from '@urikiri/connector-sdk/testing';
import { YAHOO_PATHS } from '../yahoo-wire.types';
import type { YahooSandboxContext } from './yahoo-sandbox.context';

export interface YahooSandboxAccount {
  sellerId: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** Yahoo! ID連携's token endpoint: a refresh token and the app's client id and secret buy an access token. */
export function tokenRoutes(
  context: YahooSandboxContext,
  account: YahooSandboxAccount,
): SandboxRoute[] {
  return [
    {
      method: 'POST',
      path: YAHOO_PATHS.token,
      operation: 'auth',
      handler: (req) => {
        const form = (req.body ?? {}) as Record<string, string>;
        const granted =
          !context.isRevoked() &&
          form.grant_type === 'refresh_token' &&
          form.refresh_token === account.refreshToken &&
          form.client_id === account.clientId &&
          form.client_secret === account.clientSecret;
        if (!granted) {
          return jsonResponse(400, {
            error: 'invalid_grant',
            error_description: 'The refresh token or the client is not valid',
          });
        }
        const issued = context.auth.issue();
        return jsonResponse(200, {
          access_token: issued.accessToken,
          token_type: 'Bearer',
          expires_in: issued.expiresInSeconds,
        });
      },
    },
  ];
}
