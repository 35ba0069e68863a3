import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { PublicRoute } from '../auth/require-scope.decorator';
import { SkipRateLimit } from '../security/rate-limit/skip-rate-limit.decorator';
import { DatabaseHealthIndicator } from './database.health';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@Controller('health')
@PublicRoute()
@SkipRateLimit()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Database and Redis reachability; 503 when either is down. No API key needed.' })
  check() {
    return this.health.check([() => this.database.ping('database'), () => this.redis.ping('redis')]);
  }
}
