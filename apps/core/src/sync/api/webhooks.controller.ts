import { Controller, ForbiddenException, HttpCode, Logger, NotFoundException, Param, Post, Req, ServiceUnavailableException } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConnectorError, deliveryEvents, type OrderEvent, type WebhookDelivery, WebhookRejectedError } from '@urikiri/connector-sdk';
import { ChannelDirectory, checkOrderEvents, InvalidOrderEventsError } from '@urikiri/sync';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import { PublicRoute } from '../../auth/require-scope.decorator';
import { ANY_MEDIA_TYPE } from '../../http/input-screen.interceptor';
import { RequestValidationError } from '../../http/request-validation.error';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { ApiErrors } from '../../openapi/api-doc.decorators';
import { SkipRateLimit } from '../../security/rate-limit/skip-rate-limit.decorator';
import { OrderPolling } from '../pipeline/order-polling.service';
import { WebhookPulse } from '../pipeline/webhook-pulse';
import { accountIdSchema } from './sync-api.schema';

function isRejection(error: unknown): boolean {
  // Compared by name too: a connector package loaded from elsewhere brings its own copy of the SDK class.
  return error instanceof WebhookRejectedError || (error as { name?: string } | null)?.name === 'WebhookRejectedError';
}

/** Every event as the contract and the database need it (the check polling goes through too), or a 400 naming each wrong field. */
function checked(events: OrderEvent[]): OrderEvent[] {
  try {
    return checkOrderEvents(events);
  } catch (error) {
    if (error instanceof InvalidOrderEventsError) throw new RequestValidationError(error.problems);
    throw error;
  }
}

/**
 * Where channels deliver order events. No API key (and no API rate limit: a channel's burst of orders
 * must not be refused): the connector verifies the channel's signature over the raw bytes, and a
 * forged or altered request is refused before anything is read from it. Events are ingested before
 * the answer, so a 2xx means the ledger holds them; the channel retries anything else, and ingestion
 * drops the repeats.
 */
@ApiTags('channels')
@Controller('channels/accounts/:id/webhook')
@PublicRoute()
@SkipRateLimit()
export class WebhooksController {
  private readonly logger = new Logger(WebhooksController.name);

  constructor(
    private readonly directory: ChannelDirectory,
    private readonly polling: OrderPolling,
    private readonly pulse: WebhookPulse,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Order webhook of one channel account (signed by the channel).' })
  // Whatever the channel sends: the connector reads and verifies the raw bytes.
  @ApiConsumes(ANY_MEDIA_TYPE)
  @ApiErrors(400, 404)
  async receive(@Param('id', new ZodValidationPipe(accountIdSchema, 'id')) id: string, @Req() request: RawBodyRequest<Request>) {
    const account = await this.directory.account(id).catch(() => undefined);
    if (!account) throw new NotFoundException(`channel account '${id}' does not exist`);
    const connector = await this.directory.connectorFor(id);
    if (!connector.manifest.orderDelivery.webhook) {
      throw new NotFoundException(`channel account '${id}' (${connector.manifest.displayName}) receives no webhooks: its orders are fetched by polling`);
    }
    const delivery = this.parse(connector.manifest.displayName, () => connector.parseWebhook({ headers: request.headers, body: request.rawBody ?? Buffer.alloc(0) }));
    checked(delivery.events);
    // Before cut-over the account's history is imported as a whole; a webhook then would count twice.
    if (!account.cutoverAt) return { accepted: 0, deferred: delivery.events.length + (delivery.unresolved?.length ?? 0) };
    // Some channels name only their own item (a variant) in the webhook; the connector looks the listing up.
    const events = checked(await this.resolve(() => deliveryEvents(connector, delivery)));
    const report = await this.polling.apply(id, events, connector.manifest.stockLoweredOn);
    await this.pulse.seen(id);
    return { accepted: report.applied, duplicates: report.duplicates, unmapped: report.unmapped };
  }

  /** A forged signature is a 403; a body the channel signed but the connector cannot read is the channel's 400. */
  private parse(channel: string, parse: () => WebhookDelivery): WebhookDelivery {
    try {
      return parse();
    } catch (error) {
      if (isRejection(error)) throw new ForbiddenException('webhook signature rejected');
      this.logger.warn({ err: error }, `A signed ${channel} webhook could not be read`);
      throw new RequestValidationError([{ path: '', message: `is not a ${channel} webhook body the connector can read: ${(error as Error).message}` }]);
    }
  }

  /** Looking listings up asks the channel: its refusal is the delivery's fault, its outage is not. */
  private async resolve(resolve: () => Promise<OrderEvent[]>): Promise<OrderEvent[]> {
    try {
      return await resolve();
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'permanent') {
        throw new RequestValidationError([{ path: 'events', message: `could not be matched to listings: ${error.message}` }]);
      }
      if (error instanceof ConnectorError) throw new ServiceUnavailableException(`the channel did not answer while its webhook was read (${error.message}); send it again`);
      throw error;
    }
  }
}
