import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createBackgroundApp } from '../app/create-app';
import { loadConfig } from '../config/load-config';
import { createScratchDatabase } from '../database/scratch-database';
import { QueueName } from '../queue/queue-names';
import { exampleSimulationRequest, simulateExampleOnCommandLine } from '../../test/support/simulation-examples';
import { startTestApp, TEST_REDIS_URL, type TestApp } from '../../test/support/test-app';
import { SIMULATION_JOB } from './simulation.job';
import type { SimulationJobView } from './simulation-job.view';
import type { SimulationRequest } from './simulation-request.schema';

type ErrorAnswer = { code: string; message: string; issues: Array<{ path: string; message: string; row?: number; column?: string }> };

const SMALL: SimulationRequest = { ...exampleSimulationRequest(), runs: 40, seed: 7 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every answer of GET /simulations/:id until `done` holds: what a client polling it would see. */
async function follow(api: TestApp, id: string, done: (view: SimulationJobView) => boolean, key?: string): Promise<SimulationJobView[]> {
  const deadline = Date.now() + 110_000;
  const seen: SimulationJobView[] = [];
  for (;;) {
    const answer = await api.call<SimulationJobView>('GET', `/api/v1/simulations/${id}`, { key });
    expect(answer.status).toBe(200);
    seen.push(answer.body);
    if (done(answer.body) || Date.now() > deadline) return seen;
    await sleep(20);
  }
}

const finished = (view: SimulationJobView) => view.state === 'completed' || view.state === 'failed';

describe('simulations through the API, as BullMQ jobs', () => {
  let api: TestApp;
  let readKey: string;
  let writeKey: string;
  let queue: Queue;

  beforeAll(async () => {
    api = await startTestApp('sqlite');
    readKey = (await api.call<{ key: string }>('POST', '/api/v1/api-keys', { body: { name: 'reader', scopes: ['read'] } })).body.key;
    writeKey = (await api.call<{ key: string }>('POST', '/api/v1/api-keys', { body: { name: 'planner', scopes: ['write'] } })).body.key;
    queue = api.app.get<Queue>(getQueueToken(QueueName.Simulation));
  });

  afterAll(async () => {
    await api?.close();
  });

  it('runs a submitted simulation: progress rises to 100 %, and the report is the one `urikiri simulate` writes for the same seed', async () => {
    const submitted = await api.call<SimulationJobView>('POST', '/api/v1/simulations', { body: SMALL, key: writeKey });
    expect(submitted.status).toBe(202);
    expect(submitted.headers.get('location')).toBe(`/api/v1/simulations/${submitted.body.id}`);
    expect(submitted.body).toMatchObject({ state: 'waiting', progress: { percent: 0, stage: null }, report: null, error: null });

    const views = [submitted.body, ...(await follow(api, submitted.body.id, finished, readKey))];
    const last = views[views.length - 1];
    expect(last.state).toBe('completed');

    const percents = views.map((view) => view.progress.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(views.some((view) => view.state === 'active' && view.progress.percent > 0 && view.progress.percent < 100)).toBe(true);
    const stages = [null, 'forecast', 'simulate', 'search'];
    const stageOrder = views.map((view) => stages.indexOf(view.progress.stage));
    expect(stageOrder).toEqual([...stageOrder].sort((a, b) => a - b));
    expect(stageOrder).toEqual(expect.arrayContaining([2, 3]));

    // `urikiri simulate` calls runSimulation on the same files: same seed, same report, same page.
    const commandLine = await simulateExampleOnCommandLine(40, 7);
    expect(last.report).toEqual(commandLine.json);
    const report = last.report as NonNullable<SimulationJobView['report']>;
    const { candidates, runsPerCandidate } = report.recommendations.allocation.budget;
    const runsTotal = 40 * report.policies.length + candidates * runsPerCandidate;
    expect(last.progress).toEqual({ percent: 100, stage: 'search', runsDone: runsTotal, runsTotal });
    expect(Date.parse(last.finishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(last.startedAt ?? ''));

    const html = await api.call('GET', `/api/v1/simulations/${submitted.body.id}/report.html`, { key: readKey });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'");
    expect(html.text).toBe(commandLine.html);
  }, 120_000);

  it('answers bad input with 400 naming the field, and the row and column in a CSV, and queues nothing', async () => {
    const before = await queue.getJobCounts();
    const refuse = async (body: unknown) => {
      const answer = await api.call<ErrorAnswer>('POST', '/api/v1/simulations', { body, key: writeKey });
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('validation_failed');
      return answer.body.issues;
    };
    const history = SMALL.history.split('\n');
    history[2] = '2026-13-01,amazon,CAP-WHT,1,1980,,';
    expect(await refuse({ ...SMALL, history: history.join('\n') })).toEqual([
      {
        path: 'history',
        row: 3,
        column: 'date',
        message: expect.stringMatching(/^row 3, column date: "2026-13-01" must be a date/),
      },
    ]);
    expect(await refuse({ ...SMALL, plan: (SMALL.plan as string).replace('runs: 200', 'runz: 200') })).toEqual([
      { path: 'plan.runz', message: 'is not a known field; check its spelling' },
    ]);
    expect((await refuse({ plan: SMALL.plan })).map((issue) => issue.path)).toEqual(['history']);
    expect((await refuse({ ...SMALL, runs: 0 })).map((issue) => issue.path)).toEqual(['runs']);
    const { stock: _stock, ...withoutStock } = SMALL;
    expect(await refuse(withoutStock)).toEqual([{ path: 'stock', message: expect.stringContaining('files.stock ("stock.csv")') }]);
    expect(await queue.getJobCounts()).toEqual(before);
  });

  it('publishes its routes in the OpenAPI document, the body from the schema that validates it', async () => {
    type Operation = { requestBody?: unknown; responses: Record<string, unknown> };
    const document = await api.call<{ paths: Record<string, Record<string, Operation>> }>('GET', '/api/docs-json', { key: null });
    const submit = document.body.paths['/api/v1/simulations']['post'];
    expect(JSON.stringify(submit.requestBody)).toContain('"history"');
    expect(Object.keys(submit.responses)).toEqual(expect.arrayContaining(['202', '400', '401', '403']));
    expect(document.body.paths).toHaveProperty(['/api/v1/simulations/{id}', 'get']);
    expect(document.body.paths).toHaveProperty(['/api/v1/simulations/{id}/report.html', 'get']);
  });

  it('answers a body over the size limit with 413, saying the limit', async () => {
    const answer = await api.call<ErrorAnswer>('POST', '/api/v1/simulations', { body: { ...SMALL, history: 'x'.repeat(6_000_000) }, key: writeKey });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('at most 5242880 bytes') });
  });

  it('answers 404 for an unknown id, on both routes', async () => {
    const id = randomUUID();
    const status = await api.call<ErrorAnswer>('GET', `/api/v1/simulations/${id}`, { key: readKey });
    expect(status.status).toBe(404);
    expect(status.body.code).toBe('not_found');
    expect((await api.call('GET', `/api/v1/simulations/${id}/report.html`, { key: readKey })).status).toBe(404);
  });

  it('needs the write scope to submit and the read scope to look', async () => {
    expect((await api.call('POST', '/api/v1/simulations', { body: SMALL, key: readKey })).status).toBe(403);
    expect((await api.call('GET', `/api/v1/simulations/${randomUUID()}`, { key: null })).status).toBe(401);
  });

  it('fails a job whose input the thread refuses, with the reason, and answers its report with 409', async () => {
    const id = randomUUID();
    await queue.add(SIMULATION_JOB, { ...SMALL, stock: 'sku,on_hand,lead_time_days\nTSHIRT-M,lots,14' }, { jobId: id });
    const last = (await follow(api, id, finished)).at(-1);
    expect(last?.state).toBe('failed');
    expect(last?.error).toContain('stock: row 2, column on_hand');
    expect(last?.report).toBeNull();
    const html = await api.call<ErrorAnswer>('GET', `/api/v1/simulations/${id}/report.html`, { key: readKey });
    expect(html.status).toBe(409);
    expect(html.body.message).toContain('failed');
  }, 120_000);

  it('keeps the event loop free while a long simulation runs: /health answers at once', async () => {
    const submitted = await api.call<SimulationJobView>('POST', '/api/v1/simulations', { body: { ...SMALL, runs: 250 }, key: writeKey });
    await follow(api, submitted.body.id, (view) => finished(view) || view.progress.stage === 'simulate');

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      expect((await api.call('GET', '/health', { key: null })).status).toBe(200);
      latencies.push(performance.now() - started);
      await sleep(100);
    }
    delay.disable();
    // Every answer came while the simulation was still running.
    expect((await api.call<SimulationJobView>('GET', `/api/v1/simulations/${submitted.body.id}`)).body.state).toBe('active');
    expect(Math.max(...latencies)).toBeLessThan(1000);
    expect(delay.max / 1e6).toBeLessThan(500);

    expect((await follow(api, submitted.body.id, finished)).at(-1)?.state).toBe('completed');
  }, 180_000);
});

describe('simulations with ROLE split', () => {
  it('an api process queues the job; a worker process runs it', async () => {
    const api = await startTestApp('sqlite', { ROLE: 'api' });
    const database = await createScratchDatabase('sqlite', 'simulation_worker');
    let worker: Awaited<ReturnType<typeof createBackgroundApp>> | undefined;
    try {
      const submitted = await api.call<SimulationJobView>('POST', '/api/v1/simulations', { body: { ...SMALL, runs: 5 } });
      expect(submitted.status).toBe(202);
      await sleep(500);
      expect((await api.call<SimulationJobView>('GET', `/api/v1/simulations/${submitted.body.id}`)).body.state).toBe('waiting');

      worker = await createBackgroundApp(
        loadConfig({
          ROLE: 'worker',
          DATABASE_URL: database.url,
          REDIS_URL: TEST_REDIS_URL,
          QUEUE_PREFIX: api.config.queuePrefix,
          LOG_LEVEL: 'silent',
        }),
      );
      await worker.init();
      const last = (await follow(api, submitted.body.id, finished)).at(-1);
      expect(last?.state).toBe('completed');
      expect(last?.report?.runs).toBe(5);
    } finally {
      await worker?.close();
      await api.close();
      await database.drop();
    }
  }, 120_000);
});
