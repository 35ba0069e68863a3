import { MikroORM, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import { Body, ConflictException, Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Product } from '@urikiri/inventory';
import { ChannelAccount, Listing, ListingCsvImport, ListingService, PublishRecord, PushExecutor } from '@urikiri/sync';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { z } from 'zod';
import { RequireScope } from '../../auth/require-scope.decorator';
import { Audited } from '../../audit/audited.decorator';
import { CsvFileRejectedError } from '../../http/csv-file-rejected.error';
import { RequestValidationError } from '../../http/request-validation.error';
import { databaseIdSchema } from '../../http/database-id.schema';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { ApiErrors, ApiZodBody, ApiZodQuery } from '../../openapi/api-doc.decorators';
import { OrderPolling } from '../pipeline/order-polling.service';
import { SyncDispatcher } from '../pipeline/sync-dispatcher.service';
import { listingView, publishView, type ListingView } from './listing-views';
import { createListingSchema, csvImportQuerySchema, listingQuerySchema, localeQuerySchema } from './sync-api.schema';

@ApiTags('channels')
@ApiBearerAuth()
@Controller('channels/listings')
@RequireScope('read')
export class ChannelListingsController {
  constructor(
    private readonly orm: MikroORM,
    private readonly listings: ListingService,
    private readonly pusher: PushExecutor,
    private readonly dispatcher: SyncDispatcher,
    private readonly csvImport: ListingCsvImport,
    private readonly polling: OrderPolling,
  ) {}

  @Audited('listing.import', { result: ['rows', 'created', 'changed', 'unchanged'], skipDryRun: true })
  @Post('import')
  @RequireScope('write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import listings from CSV: account,channel_listing_id,sku[,active] (UTF-8, header row first).',
    description:
      'Every row is checked first; a file with any error imports nothing and is answered 400 with each error\'s row, column and reason. ' +
      'dryRun=true only checks. Re-importing the same file changes nothing; a row that maps an item to another SKU moves it.',
  })
  @ApiZodQuery(csvImportQuerySchema)
  @ApiConsumes('text/csv')
  @ApiBody({ required: true, schema: { type: 'string' } })
  @ApiErrors(400)
  async importCsv(@Query(new ZodValidationPipe(csvImportQuerySchema)) query: z.output<typeof csvImportQuerySchema>, @Body() body: unknown) {
    if (typeof body !== 'string') throw new RequestValidationError([{ path: '(body)', message: 'must be CSV text sent as text/csv' }]);
    const report = query.dryRun ? await this.csvImport.preview(body) : await this.csvImport.apply(body);
    if (report.errors.length > 0) throw new CsvFileRejectedError({ ...report });
    if (report.applied) await this.polling.mapWaitingLines((await this.orm.em.fork().find(ChannelAccount, {}, { fields: ['id'] })).map((a) => a.id));
    if (report.applied && report.productIds.length > 0) await this.dispatcher.allocate(report.productIds);
    return report;
  }

@Audited('listing.create', { target: { result: 'id' }, body: ['account', 'channelListingId', 'sku'] })
  @Post()
  @RequireScope('write')
  @ApiOperation({ summary: 'Map a channel item to one of our SKUs or bundles; it is allocated and pushed at once.' })
  @ApiZodBody(createListingSchema)
  @ApiErrors(400, 409)
  async create(@Body(new ZodValidationPipe(createListingSchema)) input: z.output<typeof createListingSchema>): Promise<ListingView> {
    const em = this.orm.em.fork();
    const problems = [
      ...(!(await em.findOne(ChannelAccount, { id: input.account })) ? [{ path: 'account', message: `channel account '${input.account}' does not exist` }] : []),
      ...(!(await em.findOne(Product, { code: input.sku })) ? [{ path: 'sku', message: `product '${input.sku}' does not exist` }] : []),
    ];
    if (problems.length > 0) throw new RequestValidationError(problems);
    let listing: Listing;
    try {
      listing = await this.listings.add({ accountId: input.account, channelListingId: input.channelListingId, sku: input.sku });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new ConflictException(`'${input.channelListingId}' of account '${input.account}' is already mapped`);
      throw error;
    }
    await this.polling.mapWaitingLines([input.account]);
    await this.dispatcher.allocate([listing.productId]);
    return this.view(listing.id, 'ja');
  }

  @Get()
  @ApiOperation({ summary: 'Listings with what each should show, what it shows, the lag, and failures; filter by account, SKU or state.' })
  @ApiZodQuery(listingQuerySchema)
  @ApiErrors(400)
  async list(@Query(new ZodValidationPipe(listingQuerySchema)) query: z.output<typeof listingQuerySchema>): Promise<{ items: ListingView[]; total: number }> {
    const em = this.orm.em.fork();
    const where: FilterQuery<Listing> = {};
    if (query.account) where.accountId = query.account;
    if (query.sku) {
      const product = await em.findOne(Product, { code: query.sku });
      where.productId = product?.id ?? -1;
    }
    if (query.state === 'owed') Object.assign(where, { dirty: true, active: true, deadLetter: false });
    if (query.state === 'dead-letter') where.deadLetter = true;
    if (query.state === 'inactive') where.active = false;
    if (query.state === 'stopped') where.stopped = true;
    const [rows, total] = await em.findAndCount(Listing, where, { orderBy: { id: 'asc' }, limit: query.limit, offset: query.offset });
    const codes = await this.codes(rows.map((r) => r.productId));
    return { items: rows.map((r) => listingView(r, codes.get(r.productId) ?? '', 'ja')), total };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One listing, with the rule engine\'s explanation of its target.' })
  @ApiZodQuery(localeQuerySchema)
  @ApiErrors(404)
  get(@Param('id', new ZodValidationPipe(databaseIdSchema, 'id')) id: number, @Query(new ZodValidationPipe(localeQuerySchema)) query: z.output<typeof localeQuerySchema>) {
    return this.view(id, query.lang);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every value pushed to the listing, newest first: value, version, time, latency and why.' })
  @ApiZodQuery(localeQuerySchema)
  @ApiErrors(404)
  async history(@Param('id', new ZodValidationPipe(databaseIdSchema, 'id')) id: number, @Query(new ZodValidationPipe(localeQuerySchema)) query: z.output<typeof localeQuerySchema>) {
    await this.view(id, query.lang);
    const records = await this.orm.em.fork().find(PublishRecord, { listingId: id }, { orderBy: { id: 'desc' }, limit: query.limit });
    return { items: records.map((r) => publishView(r, query.lang)) };
  }

  @Audited('listing.stop')
  @Post(':id/stop')
  @RequireScope('write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Emergency stop for one listing: frozen at its current value until resumed.' })
  @ApiErrors(404)
  async stop(@Param('id', new ZodValidationPipe(databaseIdSchema, 'id')) id: number) {
    await this.view(id, 'ja');
    await this.listings.setStopped(id, true);
    return this.view(id, 'ja');
  }

  @Audited('listing.resume')
  @Post(':id/resume')
  @RequireScope('write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift the listing\'s stop; its latest target is pushed at once.' })
  @ApiErrors(404)
  async resume(@Param('id', new ZodValidationPipe(databaseIdSchema, 'id')) id: number) {
    const listing = await this.view(id, 'ja');
    await this.listings.setStopped(id, false);
    await this.dispatcher.push(listing.account);
    return this.view(id, 'ja');
  }

  @Audited('listing.retry')
  @Post(':id/retry')
  @RequireScope('write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a dead letter back: its failures are cleared and it is pushed at once.' })
  @ApiErrors(404)
  async retry(@Param('id', new ZodValidationPipe(databaseIdSchema, 'id')) id: number) {
    const listing = await this.view(id, 'ja');
    await this.pusher.retryDeadLetter(id);
    await this.dispatcher.push(listing.account);
    return this.view(id, 'ja');
  }

  @Audited('listing.reactivate')
  @Post(':id/reactivate')
  @RequireScope('write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Make an inactive listing (the channel had answered "not found") active again and allocate to it.' })
  @ApiErrors(404)
  async reactivate(@Param('id', new ZodValidationPipe(databaseIdSchema, 'id')) id: number) {
    await this.view(id, 'ja');
    const em = this.orm.em.fork();
    await em.nativeUpdate(Listing, { id }, { active: true, inactiveReason: null, failures: 0, deadLetter: false, notBefore: null });
    const listing = await em.findOneOrFail(Listing, { id });
    await this.dispatcher.allocate([listing.productId]);
    return this.view(id, 'ja');
  }

  private async view(id: number, lang: 'ja' | 'en'): Promise<ListingView> {
    const listing = await this.orm.em.fork().findOne(Listing, { id });
    if (!listing) throw new NotFoundException(`listing ${id} does not exist`);
    const codes = await this.codes([listing.productId]);
    return listingView(listing, codes.get(listing.productId) ?? '', lang);
  }

  private async codes(productIds: number[]): Promise<Map<number, string>> {
    if (productIds.length === 0) return new Map();
    const products = await this.orm.em.fork().find(Product, { id: { $in: [...new Set(productIds)] } }, { fields: ['id', 'code'] });
    return new Map(products.map((p) => [p.id, p.code]));
  }
}
