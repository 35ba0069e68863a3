import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Body, ConflictException, Controller, Get, HttpCode, NotFoundException, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChannelAccount, ChannelDirectory, ListingDiscovery, OrderLine, ReconciliationRun, ReturnsDestination, ReturnsLocationError } from '@urikiri/sync';
import type { z } from 'zod';
import { RequireScope } from '../../auth/require-scope.decorator';
import { Audited } from '../../audit/audited.decorator';
import { RequestValidationError } from '../../http/request-validation.error';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { ApiErrors, ApiZodBody } from '../../openapi/api-doc.decorators';
import { SyncConnectors } from '../connectors/sync-connectors.service';
import { OrderPolling } from '../pipeline/order-polling.service';
import { SyncDispatcher } from '../pipeline/sync-dispatcher.service';
import { accountViews, type AccountView } from './account-views';
import { accountIdSchema, createAccountSchema, reconcileSchema, returnsLocationSchema, stopSchema, type CreateAccountInput } from './sync-api.schema';

@ApiTags('channels')
@ApiBearerAuth()
@Controller('channels')
@RequireScope('read')
export class ChannelAccountsController {
  constructor(
    private readonly orm: MikroORM,
    private readonly directory: ChannelDirectory,
    private readonly connectors: SyncConnectors,
    private readonly dispatcher: SyncDispatcher,
    private readonly discovery: ListingDiscovery,
    private readonly polling: OrderPolling,
    private readonly returns: ReturnsDestination,
  ) {}

  @Get('connectors')
  @ApiOperation({ summary: 'The connectors this installation runs, with the credentials each asks for and its limits.' })
  @ApiErrors()
  listConnectors() {
    return this.connectors.ids().map((id) => {
      const manifest = this.connectors.classOf(id).manifest;
      return { id, displayName: manifest.displayName, credentials: manifest.credentials, rateLimits: manifest.rateLimits, bulk: manifest.bulk, pushSemantics: manifest.pushSemantics, orderDelivery: manifest.orderDelivery };
    });
  }

  // Never the credentials: only what identifies the account.
  @Audited('channel_account.create', { target: { body: 'id' }, body: ['connector', 'displayName', 'baseUrl'] })
  @Post('accounts')
  @RequireScope('admin')
  @ApiOperation({
    summary: 'Connect a channel account (two shops on one mall are two accounts).',
    description:
      'Credentials are checked against the connector and stored encrypted. The account\'s open orders are then imported as ' +
      'reservations (cut-over) before its first push; `cutoverAt` is set when that is done.',
  })
  @ApiZodBody(createAccountSchema)
  @ApiErrors(400, 409)
  async create(@Body(new ZodValidationPipe(createAccountSchema)) input: CreateAccountInput): Promise<AccountView> {
    if (!this.connectors.has(input.connector)) {
      throw new RequestValidationError([{ path: 'connector', message: `must be one of the loaded connectors: ${this.connectors.ids().join(', ')}` }]);
    }
    const parsed = this.connectors.classOf(input.connector).credentials.safeParse(input.credentials);
    if (!parsed.success) {
      // Paths and rules only: a credential value is never echoed.
      throw new RequestValidationError(parsed.error.issues.map((issue) => ({ path: ['credentials', ...issue.path.map(String)].join('.'), message: issue.message })));
    }
    if (input.returnsLocation !== undefined) await this.checkReturnsLocation(input.returnsLocation, 'returnsLocation');
    try {
      await this.directory.addAccount({
        id: input.id,
        connector: input.connector,
        displayName: input.displayName,
        credentials: input.credentials,
        baseUrl: input.baseUrl ?? null,
        returnsLocation: input.returnsLocation ?? null,
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new ConflictException(`channel account '${input.id}' already exists`);
      throw error;
    }
    await this.dispatcher.cutover(input.id);
    return this.view(input.id);
  }

  @Get('accounts')
  @ApiOperation({ summary: 'Every channel account with its brake, cut-over, order catch-up and listing counts.' })
  @ApiErrors()
  async list(): Promise<AccountView[]> {
    return accountViews(this.orm, await this.directory.accounts());
  }

  @Get('accounts/:id')
  @ApiOperation({ summary: 'One channel account.' })
  @ApiErrors(404)
  get(@Param('id', new ZodValidationPipe(accountIdSchema, 'id')) id: string): Promise<AccountView> {
    return this.view(id);
  }

  @Audited('channel_account.stop', { body: ['reason'] })
  @Post('accounts/:id/stop')
  @RequireScope('write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Emergency stop: no push leaves for this account until resumed. Orders are still ingested.' })
  @ApiZodBody(stopSchema)
  @ApiErrors(400, 404)
  async stop(@Param('id', new ZodValidationPipe(accountIdSchema, 'id')) id: string, @Body(new ZodValidationPipe(stopSchema)) body: z.output<typeof stopSchema>) {
    await this.view(id);
    await this.directory.setStopped(id, true, body.reason);
    return this.view(id);
  }

  @Audited('channel_account.resume')
  @Post('accounts/:id/resume')
  @RequireScope('write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift the emergency stop; what is owed is pushed at once, at the latest targets.' })
  @ApiErrors(404)
  async resume(@Param('id', new ZodValidationPipe(accountIdSchema, 'id')) id: string) {
    await this.view(id);
    await this.directory.setStopped(id, false);
    await this.dispatcher.push(id);
    return this.view(id);
  }

  @Audited('channel_account.returns_location', { body: ['location'] })
  @Put('accounts/:id/returns-location')
  @RequireScope('admin')
  @ApiOperation({
    summary: 'Where the account\'s returned units are booked: a sellable warehouse (back on sale) or a not-for-sale one (kept off the channels).',
    description: 'null restores the default, the first not-for-sale warehouse. Returns that were waiting for somewhere to go are booked at once.',
  })
  @ApiZodBody(returnsLocationSchema)
  @ApiErrors(400, 404)
  async setReturnsLocation(
    @Param('id', new ZodValidationPipe(accountIdSchema, 'id')) id: string,
    @Body(new ZodValidationPipe(returnsLocationSchema)) body: z.output<typeof returnsLocationSchema>,
  ): Promise<AccountView> {
    await this.view(id);
    if (body.location !== null) await this.checkReturnsLocation(body.location, 'location');
    await this.directory.setReturnsLocation(id, body.location);
    await this.polling.bookWaitingReturns(id);
    return this.view(id);
  }

  @Post('accounts/:id/orders/poll')
  @RequireScope('write')
  @HttpCode(202)
  @ApiOperation({ summary: 'Fetch the account\'s new orders now instead of at the next scheduled poll.' })
  @ApiErrors(404)
  async poll(@Param('id', new ZodValidationPipe(accountIdSchema, 'id')) id: string) {
    await this.view(id);
    await this.dispatcher.pollOrders(id);
    return { queued: true };
  }

  @Audited('channel_account.reconcile', { body: ['repair'] })
  @Post('accounts/:id/reconcile')
  @RequireScope('write')
  @HttpCode(202)
  @ApiOperation({ summary: 'Read the channel\'s quantities now, compare with the ledger, and repair drift once its orders are caught up.' })
  @ApiZodBody(reconcileSchema)
  @ApiErrors(400, 404)
  async reconcile(@Param('id', new ZodValidationPipe(accountIdSchema, 'id')) id: string, @Body(new ZodValidationPipe(reconcileSchema.optional())) body: z.output<typeof reconcileSchema> | undefined) {
    await this.view(id);
    return { jobId: await this.dispatcher.reconcile(id, body?.repair ?? true) };
  }

  @Get('accounts/:id/reconciliations')
  @ApiOperation({ summary: 'The account\'s recent reconciliations, newest first: when, how many listings compared, drift found and repaired.' })
  @ApiErrors(404)
  async reconciliations(@Param('id', new ZodValidationPipe(accountIdSchema, 'id')) id: string) {
    await this.view(id);
    return { items: await this.orm.em.fork().find(ReconciliationRun, { accountId: id }, { orderBy: { id: 'desc' }, limit: 20 }) };
  }

  @Get('accounts/:id/unmapped')
  @ApiOperation({
    summary: 'Order lines waiting for a listing: the channel sold an item no listing maps to one of our SKUs yet.',
    description: 'They are never dropped: mapping the item (POST /channels/listings or the CSV import) brings them into the ledger.',
  })
  @ApiErrors(404)
  async unmapped(@Param('id', new ZodValidationPipe(accountIdSchema, 'id')) id: string) {
    await this.view(id);
    const lines = await this.orm.em.fork().find(OrderLine, { accountId: id, unmapped: true }, { orderBy: { id: 'asc' }, limit: 1000 });
    // Lines with nothing open (all shipped or cancelled) wait for nothing.
    return {
      items: lines.filter((l) => l.quantity > l.cancelled + l.shipped).map((l) => ({ orderId: l.orderId, lineId: l.lineId, channelListingId: l.channelListingId, quantity: l.quantity, cancelled: l.cancelled, shipped: l.shipped, firstSeenAt: l.firstSeenAt })),
    };
  }

  @Audited('channel_account.discover', { result: ['productIds'] })
  @Post('accounts/:id/discover')
  @RequireScope('write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Read the channel\'s catalogue and map its items to our SKUs by seller SKU, then JAN.',
    description: 'Unmatched items are listed for the operator to map; listing settings that defeat stock control come back as warnings.',
  })
  @ApiErrors(404)
  async discover(@Param('id', new ZodValidationPipe(accountIdSchema, 'id')) id: string) {
    await this.view(id);
    const report = await this.discovery.discover(id);
    await this.polling.mapWaitingLines([id]);
    if (report.productIds.length > 0) await this.dispatcher.allocate(report.productIds);
    return report;
  }

  /** A returns location that cannot take returns is the request's fault: a 400 naming the field. */
  private async checkReturnsLocation(code: string, field: string): Promise<void> {
    try {
      await this.returns.check(code);
    } catch (error) {
      if (error instanceof ReturnsLocationError) throw new RequestValidationError([{ path: field, message: error.message }]);
      throw error;
    }
  }

  private async view(id: string): Promise<AccountView> {
    const account = await this.orm.em.fork().findOne(ChannelAccount, { id });
    if (!account) throw new NotFoundException(`channel account '${id}' does not exist`);
    return (await accountViews(this.orm, [account]))[0];
  }
}
