import { MikroORM } from '@mikro-orm/core';
import { Body, Controller, HttpCode, NotFoundException, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  compileRuleSet,
  InvalidRuleSetError,
  parseRuleSet,
  previewAllocation,
  type CompiledRuleSet,
  type RuleSetIssue,
} from '@urikiri/allocation';
import { Product } from '@urikiri/inventory';
import { AllocationPlanner, Listing } from '@urikiri/sync';
import { RequireScope } from '../../auth/require-scope.decorator';
import { RequestValidationError } from '../../http/request-validation.error';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { ApiErrors, ApiZodBody } from '../../openapi/api-doc.decorators';
import { ZonelessDates } from '../../time/zoneless-dates.decorator';
import { rulePreviewSchema, type RulePreviewInput } from './rule-preview.schema';

const inBody = (issues: readonly RuleSetIssue[]) =>
  new RequestValidationError(issues.map((issue) => ({ path: `ruleSet.${issue.path}`, message: issue.message })));

/** The rule set compiled as PUT /rules would compile it, or a 400 naming each wrong path. */
function compileOrRefuse(ruleSet: RulePreviewInput['ruleSet']): CompiledRuleSet {
  const parsed = typeof ruleSet === 'string' ? parseRuleSet(ruleSet) : parseRuleSet(JSON.stringify(ruleSet), { format: 'json' });
  if (!parsed.ok) throw inBody(parsed.issues);
  try {
    // Compiling also refuses what the schema cannot see, such as precedence ties, with the same paths.
    return compileRuleSet(parsed.ruleSet);
  } catch (error) {
    if (error instanceof InvalidRuleSetError) throw inBody(error.issues);
    throw error;
  }
}

/**
 * "What would each channel show under this rule set?" for one SKU, before activating it: the rule
 * engine on the SKU's real allocation unit (read as the planner reads it), next to what each listing
 * has now. Nothing is written, so a read key may ask.
 */
@ApiTags('rules')
@ApiBearerAuth()
@Controller('rules')
@RequireScope('read')
export class RulePreviewController {
  constructor(
    private readonly orm: MikroORM,
    private readonly planner: AllocationPlanner,
  ) {}

  @Post('preview')
  @HttpCode(200)
  @ZonelessDates({ body: ['at'] })
  @ApiOperation({
    summary:
      "Check a rule set and preview it for one SKU: each listing's quantity with the engine's trace, the rule deciding each setting, and the risks.",
    description: 'A wrong rule set is refused with 400 naming each path under `ruleSet`, as PUT /rules would; nothing is activated.',
  })
  @ApiZodBody(rulePreviewSchema)
  @ApiErrors(400, 404)
  async preview(@Body(new ZodValidationPipe(rulePreviewSchema)) input: RulePreviewInput) {
    const compiled = compileOrRefuse(input.ruleSet);
    const at = input.at ?? new Date();
    const checked = { at, ruleSetVersion: compiled.version, ruleSet: compiled.source };
    if (!input.sku) return { ...checked, sku: null, stock: [], listings: [], decisions: [], risks: [] };
    const em = this.orm.em.fork();
    const product = await em.findOne(Product, { code: input.sku });
    if (!product) throw new NotFoundException(`product '${input.sku}' does not exist`);
    const unit = await this.planner.unitFor(product.id);
    const preview = previewAllocation(compiled, unit, { now: at, locale: input.lang });
    const current = await em.find(Listing, { id: { $in: unit.listings.map((l) => Number(l.listingId)) } });
    return {
      ...checked,
      sku: input.sku,
      stock: unit.skus.map((s) => ({ sku: s.sku, available: s.available })),
      listings: preview.listings.map((listing) => {
        const now = current.find((l) => String(l.id) === listing.listingId);
        return {
          listingId: Number(listing.listingId),
          account: listing.account,
          channel: listing.channel,
          channelListingId: now?.channelListingId ?? null,
          active: listing.active,
          quantity: listing.quantity,
          currentTarget: now?.target ?? null,
          lastPublished: now?.lastPublished ?? null,
          explanation: listing.explanation,
        };
      }),
      decisions: preview.decisions,
      risks: preview.risks.map((r) => ({ code: r.risk.code, severity: r.risk.severity, message: r.message })),
    };
  }
}
