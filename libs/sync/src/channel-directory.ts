import type { MikroORM } from '@mikro-orm/core';
import type { ChannelConnector } from '@urikiri/connector-sdk';
import { CredentialCipher } from './credential-cipher';
import { ChannelAccount } from './entities/channel-account.entity';

/** Builds the connector for an account (the core passes its registry's `create`). */
export type ConnectorFactory = (account: { id: string; connector: string; baseUrl: string | null }, credentials: unknown) => ChannelConnector;

export interface NewChannelAccount {
  id: string;
  connector: string;
  displayName: string;
  credentials: unknown;
  baseUrl?: string | null;
  /** Where the account's returns are booked (checked by ReturnsDestination.check first); null or absent: the default. */
  returnsLocation?: string | null;
}

/** Channel accounts and a connector instance per account, created once and reused (rate limits live in it). */
export class ChannelDirectory {
  private readonly connectors = new Map<string, ChannelConnector>();

  constructor(
    private readonly orm: MikroORM,
    private readonly cipher: CredentialCipher,
    private readonly factory: ConnectorFactory,
  ) {}

  async addAccount(input: NewChannelAccount): Promise<ChannelAccount> {
    const em = this.orm.em.fork();
    const account = em.create(ChannelAccount, {
      id: input.id,
      connector: input.connector,
      displayName: input.displayName,
      credentialsCiphertext: this.cipher.encrypt(input.credentials),
      baseUrl: input.baseUrl ?? null,
      returnsLocation: input.returnsLocation ?? null,
    });
    await em.persistAndFlush(account);
    return account;
  }

  async account(id: string): Promise<ChannelAccount> {
    const account = await this.orm.em.fork().findOne(ChannelAccount, { id });
    if (!account) throw new Error(`channel account '${id}' does not exist`);
    return account;
  }

  async accounts(): Promise<ChannelAccount[]> {
    return this.orm.em.fork().find(ChannelAccount, {}, { orderBy: { id: 'asc' } });
  }

  async connectorFor(accountId: string): Promise<ChannelConnector> {
    const cached = this.connectors.get(accountId);
    if (cached) return cached;
    const account = await this.account(accountId);
    const connector = this.factory(
      { id: account.id, connector: account.connector, baseUrl: account.baseUrl ?? null },
      this.cipher.decrypt(account.credentialsCiphertext),
    );
    this.connectors.set(accountId, connector);
    return connector;
  }

  /** Where the account's returns go from now on (a code ReturnsDestination.check accepted), or null for the default. */
  async setReturnsLocation(accountId: string, location: string | null): Promise<void> {
    await this.orm.em.fork().nativeUpdate(ChannelAccount, { id: accountId }, { returnsLocation: location });
  }

  /** The operator's brake for a whole account; visible on the account until lifted. */
  async setStopped(accountId: string, stopped: boolean, reason: string | null = null): Promise<void> {
    await this.orm.em.fork().nativeUpdate(ChannelAccount, { id: accountId }, { stopped, stoppedReason: stopped ? reason : null });
  }
}
