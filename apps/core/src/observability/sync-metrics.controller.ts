import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../auth/require-scope.decorator';
import { ApiErrors, ApiZodResponse } from '../openapi/api-doc.decorators';
import { MetricsReport, type SyncMetricsReport } from './metrics-report';
import { syncMetricsReportSchema } from './sync-metrics.schema';

@ApiTags('observability')
@ApiBearerAuth()
@Controller('sync/metrics')
@RequireScope('read')
export class SyncMetricsController {
  constructor(private readonly report: MetricsReport) {}

  @Get()
  @ApiOperation({
    summary:
      'Sync latencies (count, sum, p50/p95/p99, buckets), counters per channel account, and queue depths: what /metrics shows, as JSON.',
  })
  @ApiZodResponse(200, syncMetricsReportSchema)
  @ApiResponse({ status: 503, description: 'Redis, where the metrics are kept, did not answer.' })
  @ApiErrors()
  read(): Promise<SyncMetricsReport> {
    return this.report.read();
  }
}
