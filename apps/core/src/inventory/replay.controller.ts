import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LedgerReplayVerifier } from '@urikiri/inventory';
import { RequireScope } from '../auth/require-scope.decorator';
import { ApiErrors, ApiZodResponse } from '../openapi/api-doc.decorators';
import { checkpointResultSchema, replayReportSchema } from '../openapi/response-schemas';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/replay')
@RequireScope('admin')
export class ReplayController {
  constructor(private readonly verifier: LedgerReplayVerifier) {}

  @Post('verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Verify that the stock snapshot equals the movements replayed from the last checkpoint.',
  })
  @ApiZodResponse(200, replayReportSchema)
  @ApiErrors()
  verify() {
    return this.verifier.verify();
  }

  @Post('checkpoint')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Write a checkpoint now (the scheduler also writes one every LEDGER_CHECKPOINT_INTERVAL_MS).',
  })
  @ApiZodResponse(200, checkpointResultSchema)
  @ApiErrors()
  checkpoint() {
    return this.verifier.checkpoint(new Date());
  }
}
