import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CatalogCsvService, CSV_COLUMNS, type CsvImportReport, CSV_KINDS, type CsvKind } from '@urikiri/inventory';
import type { Response } from 'express';
import type { z } from 'zod';
import { RequireScope } from '../auth/require-scope.decorator';
import { Audited } from '../audit/audited.decorator';
import { CsvFileRejectedError } from '../http/csv-file-rejected.error';
import { RequestValidationError } from '../http/request-validation.error';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { ApiErrors, ApiZodQuery, ApiZodResponse } from '../openapi/api-doc.decorators';
import { csvImportQuerySchema, csvImportReportSchema, csvKindSchema, csvRejectedSchema } from './catalog-csv.schema';

const COLUMNS_BY_KIND = CSV_KINDS.map((kind) => `${kind}: ${CSV_COLUMNS[kind].join(',')}`).join('; ');

@ApiTags('csv')
@ApiBearerAuth()
@Controller('csv')
@RequireScope('read')
export class CatalogCsvController {
  constructor(private readonly csv: CatalogCsvService) {}

  @Audited('catalogue.import', { result: ['rows', 'imported'], skipDryRun: true })
  @Post(':kind')
  @RequireScope('write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import locations, products, bundles or opening stock from CSV (UTF-8, header row first).',
    description:
      `Every row is checked before anything is written; a file with any error imports nothing and is answered ` +
      `400 with each error's row, column and reason. dryRun=true only checks. Columns — ${COLUMNS_BY_KIND}.`,
  })
  @ApiParam({ name: 'kind', enum: CSV_KINDS })
  @ApiZodQuery(csvImportQuerySchema)
  @ApiConsumes('text/csv')
  @ApiBody({ required: true, schema: { type: 'string' } })
  @ApiZodResponse(200, csvImportReportSchema, 'The report; on a dry run, errors may be listed here too')
  @ApiZodResponse(400, csvRejectedSchema, 'The file has errors (csv_invalid): nothing was imported')
  @ApiErrors()
  async import(
    @Param('kind', new ZodValidationPipe(csvKindSchema, 'kind')) kind: CsvKind,
    @Query(new ZodValidationPipe(csvImportQuerySchema)) query: z.output<typeof csvImportQuerySchema>,
    @Body() body: unknown,
  ): Promise<CsvImportReport> {
    if (typeof body !== 'string') {
      throw new RequestValidationError([{ path: '', message: 'must be the CSV file itself, sent as Content-Type: text/csv' }]);
    }
    const report = await this.csv.import(kind, body, { dryRun: query.dryRun });
    if (!report.dryRun && report.errors.length > 0) throw new CsvFileRejectedError({ ...report });
    return report;
  }

  @Get(':kind')
  @ApiOperation({ summary: 'Export locations, products, bundles or current on-hand stock as CSV, ready to import.' })
  @ApiParam({ name: 'kind', enum: CSV_KINDS })
  @ApiProduces('text/csv')
  @ApiErrors(400)
  async export(
    @Param('kind', new ZodValidationPipe(csvKindSchema, 'kind')) kind: CsvKind,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    response.attachment(`urikiri-${kind}.csv`);
    return this.csv.export(kind);
  }
}
