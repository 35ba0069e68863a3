import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { renderReportHtml } from '@urikiri/simulation';
import type { Request, Response } from 'express';
import { RequireScope } from '../auth/require-scope.decorator';
import { RequestValidationError } from '../http/request-validation.error';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { ApiErrors, ApiZodBody, ApiZodResponse } from '../openapi/api-doc.decorators';
import { errorBodySchema } from '../openapi/response-schemas';
import { openApiSchema } from '../openapi/zod-openapi-schema';
import { toSimulationInput } from './simulation-input';
import { simulationJobViewSchema } from './simulation-job-view.schema';
import type { SimulationJobView } from './simulation-job.view';
import { SimulationJobs } from './simulation-jobs.service';
import { simulationRequestSchema, type SimulationRequest } from './simulation-request.schema';

// The report is one page of inline CSS and SVG; nothing else may load or run, whatever a SKU is called.
// Only this service's own pages (the dashboard) may frame it.
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'";

@ApiTags('simulations')
@ApiBearerAuth()
@Controller('simulations')
@RequireScope('read')
export class SimulationsController {
  constructor(private readonly jobs: SimulationJobs) {}

  @Post()
  @RequireScope('write')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Simulate a promotion (在庫シミュレーション) as a background job: what `urikiri simulate` does.',
    description:
      'The body carries the files the command reads, as strings: the sales history CSV, the plan (YAML or JSON ' +
      'text, or a JSON object) and, as the plan needs them, the campaigns, stock and inbound CSVs; runs and seed ' +
      'override the plan. Everything is checked before the job is queued: a problem is answered 400 naming the ' +
      'field and, in a CSV, the row and column. Accepted: 202 with the job, and its URL in Location.',
  })
  @ApiZodBody(simulationRequestSchema)
  @ApiZodResponse(202, simulationJobViewSchema, 'Queued; follow Location for progress and the report')
  @ApiErrors(400)
  async submit(
    @Body(new ZodValidationPipe(simulationRequestSchema)) request: SimulationRequest,
    @Req() http: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SimulationJobView> {
    const checked = toSimulationInput(request);
    if (!checked.ok) throw new RequestValidationError(checked.issues);
    const job = await this.jobs.submit(request);
    // The job's URL below this route's own, wherever the app mounts it.
    response.location(`${http.originalUrl.split('?')[0].replace(/\/+$/, '')}/${encodeURIComponent(job.id)}`);
    return job;
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A simulation: waiting, active (with progress), completed (with the report) or failed (with the error).',
  })
  @ApiParam({ name: 'id' })
  @ApiZodResponse(200, simulationJobViewSchema)
  @ApiErrors(404)
  find(@Param('id') id: string): Promise<SimulationJobView> {
    return this.jobs.find(id);
  }

  @Get(':id/report.html')
  @ApiOperation({
    summary: "A completed simulation's report as one self-contained HTML page, as report.html of `urikiri simulate`.",
  })
  @ApiParam({ name: 'id' })
  @ApiProduces('text/html')
  @ApiResponse({ status: 200, description: 'The page: inline CSS and SVG charts, no scripts, no external assets' })
  @ApiResponse({
    status: 409,
    description: 'The simulation has not completed: waiting, active or failed',
    schema: openApiSchema(errorBodySchema),
  })
  @ApiErrors(404)
  async reportHtml(@Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const report = await this.jobs.report(id);
    response.type('html').set('Content-Security-Policy', REPORT_CSP).set('X-Frame-Options', 'SAMEORIGIN');
    return renderReportHtml(report);
  }
}
