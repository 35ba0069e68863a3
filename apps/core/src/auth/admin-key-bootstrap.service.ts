import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ApiKeyService } from './api-key.service';

// tools/scripts/start.js watches for this event to repeat the key in its banner.
const ADMIN_KEY_CREATED_EVENT = 'admin-key-created';
export const CREATE_KEY_COMMAND = 'node tools/scripts/key.js create --scopes read,write';

/**
 * Makes sure someone can use the API after the first start: installs URIKIRI_ADMIN_KEY when given,
 * otherwise creates an admin key on the embedded default when no key exists yet, and prints it once
 * (it is stored hashed, so it cannot be shown again).
 */
@Injectable()
export class AdminKeyBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminKeyBootstrap.name);

  constructor(
    private readonly config: AppConfig,
    private readonly apiKeys: ApiKeyService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.adminKey) {
      const installed = await this.apiKeys.install(this.config.adminKey, 'admin (URIKIRI_ADMIN_KEY)', ['admin']);
      if (installed) this.logger.log('Installed the admin API key given in URIKIRI_ADMIN_KEY');
      return;
    }
    if ((await this.apiKeys.count()) > 0) return;
    if (this.config.database.dialect !== 'sqlite' || !this.config.database.embeddedDefault) {
      this.logger.warn(
        `No API key exists yet. Set URIKIRI_ADMIN_KEY, or create one with: ${CREATE_KEY_COMMAND.replace('read,write', 'admin')}`,
      );
      return;
    }
    const created = await this.apiKeys.create('admin (first start)', ['admin']);
    this.logger.warn(
      { event: ADMIN_KEY_CREATED_EVENT, apiKey: created.key, createAnother: CREATE_KEY_COMMAND },
      'Created the first admin API key. It is shown only this once: keep it somewhere safe.',
    );
  }
}
