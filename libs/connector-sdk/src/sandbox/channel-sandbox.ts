import type { OrderEvent, RawWebhookRequest } from '../connector/connector.types';
import type { FaultInjector } from './fault-injector';
import type { RequestLog } from './request-log';
import type { SandboxStock } from './sandbox-stock';

/**
 * What a channel sandbox offers tests, demos and the conformance suite, whatever the channel's wire
 * format. Each connector's sandbox implements it on top of createSandboxServer and SandboxStock.
 */
export interface ChannelSandbox {
  readonly url: string;
  readonly stock: SandboxStock;
  readonly faults: FaultInjector;
  readonly requests: RequestLog;
  /** Credentials that the sandbox accepts, in the shape of the connector's credentials schema. */
  credentials(): Record<string, string>;
  /** OAuth2 channels: every access token issued so far expires now; refreshing still works. */
  expireAccessTokens(): void;
  /** Access tokens issued so far (0 for channels with a static key). */
  tokensIssued(): number;
  /** The account's credentials stop working, as when a seller revokes the app. */
  revokeCredentials(): void;
  /**
   * A webhook delivery as the channel would send it for these events. `signWith` signs with another
   * secret: what a forger without the account's secret can produce. Absent when the channel has no webhooks.
   */
  webhookFor?(events: readonly OrderEvent[], options?: { signWith?: string }): RawWebhookRequest;
  close(): Promise<void>;
}
