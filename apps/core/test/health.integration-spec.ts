import { MikroORM } from '@mikro-orm/core';
import { startTestApp, type TestApp } from './support/test-app';

describe('/health when the database is gone', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp('sqlite');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('answers 503 naming the dependency that is down, still without a key', async () => {
    expect((await api.call('GET', '/health', { key: null })).status).toBe(200);
    await api.app.get(MikroORM).close(true);
    const health = await api.call<Record<string, unknown>>('GET', '/health', { key: null });
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } }, info: { redis: { status: 'up' } } });
  });
});
