import { MikroORM } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig } from '../config/app-config';
import { withTimeout } from './with-timeout';

/** A real round trip (`select 1`), not just "a connection object exists". */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly orm: MikroORM,
    private readonly config: AppConfig,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async ping(key: string, timeoutMs = 1000) {
    const check = this.indicators.check(key);
    try {
      await withTimeout(this.orm.em.getConnection().execute('select 1'), timeoutMs, 'the database');
      return check.up({ dialect: this.config.database.dialect });
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }
}
