import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ThrottledWarning } from '../observability/throttled-warning';
import { createRedisClient, type RedisClient } from '../redis/redis-client';
import { redisKeyspace } from '../redis/redis-keyspace';
import { AccountSchedules } from '../sync/pipeline/account-schedules.service';
import { LostWorkRecovery } from '../sync/pipeline/lost-work-recovery.service';
import type { DeclaresSchedules } from './declares-schedules';
import { LedgerCheckpointScheduler } from './ledger-checkpoint/ledger-checkpoint.scheduler';
import { ReservationExpiryScheduler } from './reservation-expiry/reservation-expiry.scheduler';

/** How soon a Redis that came back empty is noticed. */
const CHECK_EVERY_MS = 2000;

/**
 * Declares every schedule at start, and notices when Redis has lost its data (a restart without
 * persistence, a failover to an empty replica, a FLUSHALL) to declare them again and owe again the
 * work the lost jobs stood for — without a restart of the service.
 *
 * The sign is a marker key under QUEUE_PREFIX, written once everything is declared: Redis that answers
 * without it has lost (or never had) the queues' state. Every step is idempotent, so two scheduler
 * replicas that both notice do no harm; a pass that fails leaves the marker unwritten and is repeated.
 */
@Injectable()
export class QueueStateWatch implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueStateWatch.name);
  private readonly unreachable = new ThrottledWarning(this.logger, 'Redis does not answer; schedules are checked again once it does', 60_000);
  private readonly redis: RedisClient;
  private readonly markerKey: string;
  private readonly declarers: DeclaresSchedules[];
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;

  constructor(
    config: AppConfig,
    expiry: ReservationExpiryScheduler,
    checkpoint: LedgerCheckpointScheduler,
    accounts: AccountSchedules,
    private readonly recovery: LostWorkRecovery,
  ) {
    this.markerKey = redisKeyspace(config.queuePrefix).key('queue-state-marker');
    this.declarers = [expiry, checkpoint, accounts];
    // Fails at once while Redis is away: the next check comes soon enough, and nothing piles up.
    this.redis = createRedisClient(config.redis, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    this.redis.on('error', (error: unknown) => this.unreachable.warn(error));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.redis.connect();
    // Always declared at start, so a changed interval replaces the old schedule.
    const lost = !(await this.markerPresent());
    await this.declareAll(lost);
    this.timer = setInterval(() => {
      this.checking ??= this.check().finally(() => (this.checking = undefined));
    }, CHECK_EVERY_MS);
  }

  beforeApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    // A pass under way is not awaited: while Redis is away it would hold shutdown until the queues'
    // commands give up, and the next start declares everything anyway.
    this.redis.disconnect();
  }

  private async check(): Promise<void> {
    try {
      if (await this.markerPresent()) return;
      this.logger.warn('Redis lost the queues\' state (restarted without persistence, failed over or flushed): declaring every schedule and owing the lost work again');
      await this.declareAll(true);
      this.logger.log('Schedules declared again and lost work owed again');
    } catch (error) {
      this.unreachable.warn(error);
    }
  }

  private async declareAll(recoverLostWork: boolean): Promise<void> {
    for (const declarer of this.declarers) await declarer.declareSchedules();
    if (recoverLostWork) await this.recovery.recover();
    await this.redis.set(this.markerKey, new Date().toISOString());
  }

  private async markerPresent(): Promise<boolean> {
    return (await this.redis.exists(this.markerKey)) === 1;
  }
}
