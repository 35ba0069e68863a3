import { MikroORM } from '@mikro-orm/core';
import { Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { loadConnectorRegistry, type ChannelBinding, type ChannelConnector, type ConnectorClass, type ConnectorRegistry } from '@urikiri/connector-sdk';
import { ChannelAccount } from '@urikiri/sync';
import { AppConfig } from '../../config/app-config';
import { BUNDLED_CONNECTORS } from './bundled-connectors';

/** Per-call timeout of connector HTTP calls made by the service. */
const CONNECTOR_TIMEOUT_MS = 10_000;

/**
 * The connectors this installation runs, loaded from CONNECTOR_PACKAGES when the module starts.
 * Once the database is migrated, every stored channel account is checked against them, so an
 * account whose connector is missing stops start-up with the fix instead of failing on its first push.
 */
@Injectable()
export class SyncConnectors implements OnModuleInit, OnApplicationBootstrap {
  private registry: ConnectorRegistry | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly orm: MikroORM,
  ) {}

  onModuleInit(): void {
    this.registry = this.load([]);
  }

  async onApplicationBootstrap(): Promise<void> {
    const accounts = await this.orm.em.fork().find(ChannelAccount, {}, { fields: ['id', 'connector'] });
    this.registry = this.load(accounts.map((a) => ({ id: a.id, connector: a.connector })));
  }

  private load(channels: ChannelBinding[]): ConnectorRegistry {
    return loadConnectorRegistry({
      packages: this.config.sync.connectorPackages,
      channels,
      bundled: BUNDLED_CONNECTORS,
      resolveFrom: this.config.sync.connectorsDir,
    });
  }

  ids(): string[] {
    return this.loaded().ids();
  }

  has(connectorId: string): boolean {
    return this.loaded().ids().includes(connectorId);
  }

  classOf(connectorId: string): ConnectorClass {
    return this.loaded().get(connectorId);
  }

  create(account: { connector: string; baseUrl: string | null }, credentials: unknown): ChannelConnector {
    const Connector = this.classOf(account.connector);
    return new Connector({ credentials, ...(account.baseUrl ? { baseUrl: account.baseUrl } : {}), timeoutMs: CONNECTOR_TIMEOUT_MS });
  }

  private loaded(): ConnectorRegistry {
    if (!this.registry) throw new Error('connectors are not loaded yet');
    return this.registry;
  }
}
