import fc from 'fast-check';
import { problemWith } from './answer-check';
import type { FuzzCase } from './fuzz-case';
import { FuzzClient } from './fuzz-client';
import type { FuzzFixture } from './fuzz-fixture';
import { operationsOf, type Operation } from './openapi-operations';
import { routeCases } from './route-cases';
import { WEBHOOK_OPERATION, webhookCases } from './webhook-cases';
import type { TestApp } from '../support/test-app';

/**
 * Routes without any input to get wrong: nothing a client sends them is malformed. The health check
 * answers anyone; signing out ends whatever session the request carries, none included.
 */
export const NO_INPUT_ROUTES = ['GET /health', 'DELETE /api/v1/session'];

export interface Failure {
  operation: string;
  defect: string;
  how: string;
  request: string;
  problem: string;
  answer: string;
}

export interface FuzzReport {
  seed: number;
  runsPerRoute: number;
  routes: number;
  requests: number;
  byStatus: Record<string, number>;
  byDefect: Record<string, number>;
  /** Milliseconds spent waiting for answers, per kind of defect: where a run's time goes. */
  msByDefect: Record<string, number>;
  serverErrors: number;
  failures: Failure[];
  seconds: number;
  /** Of which generating the requests. */
  generationSeconds: number;
}

/** The webhook is one route but a door per connector: each connected account gets `runs` of its own. */
function casesFor(operation: Operation, fixture: FuzzFixture, runs: number, seed: number): FuzzCase[] {
  if (operation.id === WEBHOOK_OPERATION) {
    return fc.sample(webhookCases(fixture.webhookAccounts, fixture.accountIds), { numRuns: runs * Math.max(1, fixture.webhookAccounts.length), seed });
  }
  return fc.sample(routeCases(operation, fixture.targets), { numRuns: runs, seed });
}

/**
 * Sends `runs` malformed requests to every route of the service's OpenAPI document (and its
 * webhook) and judges every answer. Failures are kept whole, first ones first, for the report.
 */
export async function runFuzz(app: TestApp, fixture: FuzzFixture, runs: number, seed: number): Promise<FuzzReport> {
  const started = Date.now();
  const document = (await app.call('GET', '/api/docs-json')).body;
  const operations = operationsOf(document as never).filter((operation) => !NO_INPUT_ROUTES.includes(operation.id));
  if (!operations.some((operation) => operation.id === WEBHOOK_OPERATION)) throw new Error(`the document lists no ${WEBHOOK_OPERATION}`);
  const report: FuzzReport = { seed, runsPerRoute: runs, routes: operations.length, requests: 0, byStatus: {}, byDefect: {}, msByDefect: {}, serverErrors: 0, failures: [], seconds: 0, generationSeconds: 0 };
  const client = new FuzzClient(app.baseUrl);
  try {
    for (const [index, operation] of operations.entries()) {
      // A seed per route, so one route's cases are reproducible alone (FUZZ_SEED and the route's index).
      const generating = Date.now();
      const cases = casesFor(operation, fixture, runs, seed + index);
      report.generationSeconds += (Date.now() - generating) / 1000;
      await client.sendAll(cases, (fuzzCase, answer) => {
        report.requests++;
        report.byStatus[answer.status] = (report.byStatus[answer.status] ?? 0) + 1;
        report.byDefect[fuzzCase.defect] = (report.byDefect[fuzzCase.defect] ?? 0) + 1;
        report.msByDefect[fuzzCase.defect] = Math.round((report.msByDefect[fuzzCase.defect] ?? 0) + answer.ms);
        if (answer.status >= 500) report.serverErrors++;
        const problem = problemWith(fuzzCase, answer);
        if (problem) {
          report.failures.push({
            operation: fuzzCase.operation,
            defect: fuzzCase.defect,
            how: fuzzCase.how.slice(0, 200),
            request: `${fuzzCase.method} ${fuzzCase.url.slice(0, 300)} ${fuzzCase.body ? fuzzCase.body.subarray(0, 300).toString('utf8') : ''}`,
            problem,
            answer: answer.text.slice(0, 300),
          });
        }
      });
    }
  } finally {
    client.close();
  }
  report.seconds = Math.round((Date.now() - started) / 100) / 10;
  report.generationSeconds = Math.round(report.generationSeconds * 10) / 10;
  return report;
}

/** Failures grouped by route and problem, each group with one example: what a person reads first. */
export function summariseFailures(failures: Failure[]): { key: string; count: number; example: Failure }[] {
  const groups = new Map<string, { key: string; count: number; example: Failure }>();
  for (const failure of failures) {
    const key = `${failure.operation} | ${failure.defect} | ${failure.problem.replace(/[0-9]+/g, 'N').slice(0, 80)}`;
    const group = groups.get(key) ?? { key, count: 0, example: failure };
    group.count++;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}
