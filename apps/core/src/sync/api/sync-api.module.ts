import { Module } from '@nestjs/common';
import { SyncServicesModule } from '../sync-services.module';
import { ChannelAccountsController } from './channel-accounts.controller';
import { ChannelListingsController } from './channel-listings.controller';
import { RulePreviewController } from './rule-preview.controller';
import { RulesController } from './rules.controller';
import { WebhooksController } from './webhooks.controller';

/** Channels, listings, rules and webhooks over HTTP, under /api/v1. */
@Module({
  imports: [SyncServicesModule],
  controllers: [ChannelAccountsController, ChannelListingsController, RulesController, RulePreviewController, WebhooksController],
})
export class SyncApiModule {}
