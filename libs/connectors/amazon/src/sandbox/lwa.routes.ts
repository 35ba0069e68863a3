import type { SandboxRoute } from '@urikiri/connector-sdk/testing';
import type { LwaErrorAnswer, LwaTokenAnswer } from '../amazon-wire.types';
import {
  amazonRoute,
  jsonResponse,
  type AmazonSandboxContext,
} from './amazon-sandbox.context';

/** Login with Amazon's token endpoint, refresh-token grant only (the grant SP-API apps use). */
export function lwaRoutes(ctx: AmazonSandboxContext): SandboxRoute[] {
  return [
    amazonRoute(ctx, {
      method: 'POST',
      path: '/auth/o2/token',
      operation: 'lwaToken',
      open: true,
      handler: (req) => {
        const form = (req.body ?? {}) as Record<string, string>;
        const refuse = (status: number, error: string, description: string) =>
          jsonResponse(status, {
            error,
            error_description: description,
          } satisfies LwaErrorAnswer);
        if (form.grant_type !== 'refresh_token') {
          return refuse(
            400,
            'unsupported_grant_type',
            'The authorization grant type is not supported by the authorization server',
          );
        }
        if (
          form.client_id !== ctx.account.clientId ||
          form.client_secret !== ctx.account.clientSecret
        ) {
          return refuse(401, 'invalid_client', 'Client authentication failed');
        }
        if (ctx.revoked() || form.refresh_token !== ctx.account.refreshToken) {
          return refuse(
            400,
            'invalid_grant',
            'The request has an invalid grant parameter : refresh_token',
          );
        }
        const issued = ctx.auth.issue();
        const answer: LwaTokenAnswer = {
          access_token: issued.accessToken,
          token_type: 'bearer',
          expires_in: issued.expiresInSeconds,
          refresh_token: ctx.account.refreshToken,
        };
        return jsonResponse(200, answer);
      },
    }),
  ];
}
