import { Controller, Get, Header } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../auth/require-scope.decorator';
import { ApiErrors } from '../openapi/api-doc.decorators';
import { renderMetrics } from './metrics-exposition';
import { MetricsReport } from './metrics-report';
import { PROMETHEUS_CONTENT_TYPE } from './prometheus-text';

/** The Prometheus scrape target, outside /api/v1 like /health; Prometheus sends the key as a bearer token. */
@ApiTags('observability')
@ApiBearerAuth()
@Controller('metrics')
@RequireScope('read')
export class MetricsController {
  constructor(private readonly report: MetricsReport) {}

  @Get()
  @Header('Content-Type', PROMETHEUS_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Prometheus text format 0.0.4: sync latency histograms, sync counters and queue depths, added up over every process.',
  })
  @ApiProduces(PROMETHEUS_CONTENT_TYPE)
  @ApiResponse({ status: 200, description: 'The exposition text.', schema: { type: 'string' } })
  @ApiResponse({ status: 503, description: 'Redis, where the metrics are kept, did not answer.' })
  @ApiErrors()
  async scrape(): Promise<string> {
    const { queues, ...snapshot } = await this.report.read();
    return renderMetrics(snapshot, queues);
  }
}
