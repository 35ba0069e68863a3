import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InvalidRuleSetError, parseRuleSet, ruleSetJsonSchema } from '@urikiri/allocation';
import { RequireScope } from '../../auth/require-scope.decorator';
import { Audited } from '../../audit/audited.decorator';
import { RequestValidationError } from '../../http/request-validation.error';
import { ApiErrors } from '../../openapi/api-doc.decorators';
import { SyncDispatcher } from '../pipeline/sync-dispatcher.service';
import { RuleSetStore } from '../rules/rule-set-store';

@ApiTags('rules')
@ApiBearerAuth()
@Controller('rules')
@RequireScope('read')
export class RulesController {
  constructor(
    private readonly rules: RuleSetStore,
    private readonly dispatcher: SyncDispatcher,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The rule set in force (the default shared pool while none was ever activated).' })
  @ApiErrors()
  async active() {
    const active = await this.rules.active();
    return { id: active.id, activatedAt: active.activatedAt, ruleSet: active.compiled.source };
  }

@Audited('rules.activate', { target: { result: 'id' } })
  @Put()
  @RequireScope('admin')
  @ApiOperation({
    summary: 'Activate a rule set (JSON, or YAML as text/yaml). Every listed product is re-allocated at once.',
    description: 'See docs/allocation.md. A wrong rule set is refused with 400 naming each path and what is accepted; nothing changes.',
  })
  @ApiConsumes('application/json', 'text/yaml', 'application/yaml')
  @ApiBody({ schema: ruleSetJsonSchema() })
  @ApiErrors(400)
  async activate(@Body() body: unknown) {
    const parsed = typeof body === 'string' ? parseRuleSet(body) : parseRuleSet(JSON.stringify(body ?? null), { format: 'json' });
    if (!parsed.ok) throw new RequestValidationError(parsed.issues.map((issue) => ({ path: issue.path, message: issue.message })));
    try {
      const active = await this.rules.activate(parsed.ruleSet);
      await this.dispatcher.allocateAll('rules-changed');
      return { id: active.id, activatedAt: active.activatedAt, ruleSet: active.compiled.source };
    } catch (error) {
      if (error instanceof InvalidRuleSetError) throw new RequestValidationError(error.issues.map((issue) => ({ path: issue.path, message: issue.message })));
      throw error;
    }
  }

  @Get('history')
  @ApiOperation({ summary: 'Rule sets activated before, newest first.' })
  @ApiErrors()
  async history() {
    return { items: (await this.rules.history()).map((v) => ({ id: v.id, activatedAt: v.activatedAt, ruleSet: v.document })) };
  }
}
