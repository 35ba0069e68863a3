import { Controller, ForbiddenException, HttpCode, NotFoundException, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { deliveryEvents, WebhookRejectedError } from '@urikiri/connector-sdk';
import { ChannelDirectory } from '@urikiri/sync';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import { PublicRoute } from '../../auth/require-scope.decorator';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { ApiErrors } from '../../openapi/api-doc.decorators';
import { OrderPolling } from '../pipeline/order-polling.service';
import { accountIdSchema } from './sync-api.schema';

/**
 * Where channels deliver order events. No API key: the connector verifies the channel's signature
 * over the raw bytes, and a forged or altered request is refused before anything is read from it.
 * Events are ingested before the answer, so a 2xx means the ledger holds them; the channel retries
 * anything else, and ingestion drops the repeats.
 */
@ApiTags('channels')
@Controller('channels/accounts/:id/webhook')
@PublicRoute()
export class WebhooksController {
  constructor(
    private readonly directory: ChannelDirectory,
    private readonly polling: OrderPolling,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Order webhook of one channel account (signed by the channel).' })
  @ApiErrors(404)
  async receive(@Param('id', new ZodValidationPipe(accountIdSchema, 'id')) id: string, @Req() request: RawBodyRequest<Request>) {
    const account = await this.directory.account(id).catch(() => undefined);
    if (!account) throw new NotFoundException(`channel account '${id}' does not exist`);
    const connector = await this.directory.connectorFor(id);
    let delivery;
    try {
      delivery = connector.parseWebhook({ headers: request.headers, body: request.rawBody ?? Buffer.alloc(0) });
    } catch (error) {
      if (error instanceof WebhookRejectedError || (error as { name?: string }).name === 'WebhookRejectedError') throw new ForbiddenException('webhook signature rejected');
      throw error;
    }
    // Before cut-over the account's history is imported as a whole; a webhook then would count twice.
    if (!account.cutoverAt) return { accepted: 0, deferred: delivery.events.length + (delivery.unresolved?.length ?? 0) };
    // Some channels name only their own item (a variant) in the webhook; the connector looks the listing up.
    const events = await deliveryEvents(connector, delivery);
    const report = await this.polling.apply(id, events, connector.manifest.stockLoweredOn);
    return { accepted: report.applied, duplicates: report.duplicates, unmapped: report.unmapped };
  }
}
