import { ChannelAccount } from './channel-account.entity';
import { IngestedEvent } from './ingested-event.entity';
import { Listing } from './listing.entity';
import { OrderLine } from './order-line.entity';
import { PublishRecord } from './publish-record.entity';
import { ReconciliationRun } from './reconciliation-run.entity';
import { RuleSetVersion } from './rule-set-version.entity';

export * from './channel-account.entity';
export * from './ingested-event.entity';
export * from './listing.entity';
export * from './order-line.entity';
export * from './publish-record.entity';
export * from './reconciliation-run.entity';
export * from './rule-set-version.entity';

/** Listed explicitly so a bundled build finds every entity. */
export const SYNC_ENTITIES = [ChannelAccount, Listing, PublishRecord, OrderLine, IngestedEvent, ReconciliationRun, RuleSetVersion];
