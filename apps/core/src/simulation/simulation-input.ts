import {
  parseCampaignsCsv,
  parseInboundCsv,
  parsePlan,
  parseSalesHistoryCsv,
  parseStockCsv,
  stockRowsToPlanStock,
  validatePlan,
  type CsvParseResult,
  type Plan,
  type PlanParseResult,
  type SimulationInput,
} from '@urikiri/simulation';
import type { FieldProblem } from '../http/request-validation.error';
import type { SimulationRequest } from './simulation-request.schema';

export type SimulationInputResult =
  | { readonly ok: true; readonly input: SimulationInput }
  | { readonly ok: false; readonly issues: FieldProblem[] };

/** Enough to fix a file in one go, not so many that a wrong file makes a megabyte of answer. */
const ISSUES_PER_FIELD = 50;

type CsvField = 'history' | 'campaigns' | 'stock' | 'inbound';
const PLAN_FILES = ['campaigns', 'stock', 'inbound'] as const;

/**
 * The simulation's input from a request, read by libs/simulation's own parsers, as `urikiri simulate`
 * reads its files. Every problem of every field is reported at once, each naming its field and, in a
 * CSV, its row and column. Runs in the request handler (to answer 400 before enqueueing) and again in
 * the simulation thread, which receives the request as sent rather than parsed rows.
 */
export function toSimulationInput(request: SimulationRequest): SimulationInputResult {
  const issues: FieldProblem[] = [];
  const plan = readPlan(request.plan, issues);
  const history = readCsv('history', request.history, parseSalesHistoryCsv, issues);
  const campaigns = readCsv('campaigns', request.campaigns, parseCampaignsCsv, issues);
  const stock = readCsv('stock', request.stock, parseStockCsv, issues);
  const inbound = readCsv('inbound', request.inbound, parseInboundCsv, issues);
  if (plan !== undefined) {
    issues.push(...filesNamedButNotSent(plan, request));
    const noStock = request.stock === undefined && plan.files?.stock === undefined && (plan.stock ?? []).length === 0;
    if (noStock) {
      issues.push({ path: 'stock', message: 'is required: send the stock CSV here, or list the stock in the plan' });
    }
  }
  if (issues.length > 0 || plan === undefined) return { ok: false, issues };
  const overrides = {
    ...(request.runs === undefined ? {} : { runs: request.runs }),
    ...(request.seed === undefined ? {} : { seed: request.seed }),
  };
  return {
    ok: true,
    input: { history, campaigns, stock: stockRowsToPlanStock(stock), inbound, plan: { ...plan, ...overrides } },
  };
}

function readPlan(plan: SimulationRequest['plan'], issues: FieldProblem[]): Plan | undefined {
  const parsed: PlanParseResult = typeof plan === 'string' ? parsePlan(plan) : validatePlan(plan);
  if (parsed.ok) return parsed.plan;
  const problems = parsed.issues.map((issue) => ({
    path: issue.path === '(plan)' ? 'plan' : `plan.${issue.path}`,
    message: issue.reason,
  }));
  issues.push(...capped('plan', problems));
  return undefined;
}

function readCsv<T>(
  field: CsvField,
  text: string | undefined,
  parse: (text: string) => CsvParseResult<T>,
  issues: FieldProblem[],
): readonly T[] {
  if (text === undefined) return [];
  const parsed = parse(text);
  if (parsed.ok) return parsed.rows;
  const problems = parsed.issues.map((issue) => ({
    path: field,
    row: issue.row,
    column: issue.column,
    message: `row ${issue.row}, column ${issue.column}: ${issue.reason}`,
  }));
  issues.push(...capped(field, problems));
  return [];
}

/** A plan written for the command names its CSV files; over HTTP their contents come in the body. */
function filesNamedButNotSent(plan: Plan, request: SimulationRequest): FieldProblem[] {
  return PLAN_FILES.filter((file) => plan.files?.[file] !== undefined && request[file] === undefined)
    .map((file) => ({
      path: file,
      message: `is required: the plan names files.${file} ("${plan.files?.[file]}"); send that file's contents as ${file}`,
    }));
}

function capped(path: string, problems: FieldProblem[]): FieldProblem[] {
  if (problems.length <= ISSUES_PER_FIELD) return problems;
  return [
    ...problems.slice(0, ISSUES_PER_FIELD),
    { path, message: `… and ${problems.length - ISSUES_PER_FIELD} more problems in ${path}` },
  ];
}
