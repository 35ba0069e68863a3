import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  commitCommandSchema,
  type CommitCommand,
  confirmCommandSchema,
  type ConfirmCommand,
  InventoryLedger,
  releaseCommandSchema,
  type ReleaseCommand,
  reserveCommandSchema,
  type ReserveCommand,
} from '@urikiri/inventory';
import { RequireScope } from '../auth/require-scope.decorator';
import { Audited } from '../audit/audited.decorator';
import { IdempotentCommand } from '../http/idempotent-command.decorator';
import { ApiErrors, ApiIdempotencyKeyHeader, ApiZodBody, ApiZodResponse } from '../openapi/api-doc.decorators';
import { reservationResultSchema } from '../openapi/response-schemas';
import { ZonelessDates } from '../time/zoneless-dates.decorator';

// The reservation id comes from the path; the body carries the rest (and may be empty).
const commitBodySchema = commitCommandSchema.omit({ reservationId: true });
const releaseBodySchema = releaseCommandSchema.omit({ reservationId: true });
const confirmBodySchema = confirmCommandSchema.omit({ reservationId: true });

@ApiTags('reservations')
@ApiBearerAuth()
@ApiIdempotencyKeyHeader()
@Controller('reservations')
@RequireScope('write')
export class ReservationsController {
  constructor(private readonly ledger: InventoryLedger) {}

  @Post()
  @ApiOperation({
    summary: 'Reserve (引当) units of a SKU or bundle for an order line, optionally until `expiresAt`.',
    description:
      'Fails with 409 and the available figure when the units are not there, changing nothing — unless ' +
      '`alreadySold` says the channel has already sold them: then the shortfall is recorded as an oversell ' +
      '(backorder) that the next receipt fills first.',
  })
  @ZonelessDates({ body: ['expiresAt'] })
  @ApiZodBody(reserveCommandSchema)
  @ApiZodResponse(201, reservationResultSchema)
  @ApiErrors(400, 404, 409)
  reserve(@IdempotentCommand(reserveCommandSchema) command: ReserveCommand) {
    return this.ledger.reserve(command);
  }

  @Post(':reservationId/commit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Commit a reservation: the units shipped (出荷) and leave on-hand stock.' })
  @ApiParam({ name: 'reservationId' })
  @ApiZodBody(commitBodySchema)
  @ApiZodResponse(200, reservationResultSchema)
  @ApiErrors(400, 404, 409)
  commit(@IdempotentCommand(commitCommandSchema) command: CommitCommand) {
    return this.ledger.commit(command);
  }

  @Post(':reservationId/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm a cart hold: the order is placed, so the reservation no longer expires.' })
  @ApiParam({ name: 'reservationId' })
  @ApiZodBody(confirmBodySchema)
  @ApiZodResponse(200, reservationResultSchema)
  @ApiErrors(400, 404, 409)
  confirm(@IdempotentCommand(confirmCommandSchema) command: ConfirmCommand) {
    return this.ledger.confirm(command);
  }

  @Audited('reservation.release', { body: ['reason', 'quantity', 'idempotencyKey'] })
  @Post(':reservationId/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Release a reservation (引当解除): cancelled or expired; its units are available again.' })
  @ApiParam({ name: 'reservationId' })
  @ApiZodBody(releaseBodySchema)
  @ApiZodResponse(200, reservationResultSchema)
  @ApiErrors(400, 404, 409)
  release(@IdempotentCommand(releaseCommandSchema) command: ReleaseCommand) {
    return this.ledger.release(command);
  }
}
