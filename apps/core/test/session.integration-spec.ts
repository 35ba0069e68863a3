import { startTestApp, type TestApp } from './support/test-app';

/** The dashboard's sign-in through HTTP alone: what the cookie allows, and when it stops. */
describe('dashboard sessions (SQLite, Redis)', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp('sqlite');
  });
  afterAll(async () => {
    await api.close();
  });

  async function signIn(key: string): Promise<{ status: number; cookie: string | null; body: unknown }> {
    const answer = await api.call('POST', '/api/v1/session', { key: null, body: { key } });
    const cookie = answer.headers.get('set-cookie');
    return { status: answer.status, cookie: cookie ? cookie.split(';')[0] : null, body: answer.body };
  }

  it('sets a cookie that stands for the key with its scopes, until the key is revoked', async () => {
    const created = await api.call<{ id: number; key: string }>('POST', '/api/v1/api-keys', {
      body: { name: 'operator', scopes: ['read'] },
    });
    const session = await signIn(created.body.key);
    expect(session.status).toBe(200);
    expect(session.body).toEqual({ name: 'operator', prefix: created.body.key.slice(0, 11), scopes: ['read'] });
    const raw = (await api.call('POST', '/api/v1/session', { key: null, body: { key: created.body.key } })).headers.get('set-cookie') ?? '';
    expect(raw).toMatch(/^urikiri_session=[A-Za-z0-9_-]{43}; Path=\/api\/v1; Max-Age=43200; HttpOnly; SameSite=Strict$/);

    const headers = { cookie: session.cookie ?? '' };
    expect((await api.call('GET', '/api/v1/session', { key: null, headers })).body).toMatchObject({ name: 'operator' });
    expect((await api.call('GET', '/api/v1/products', { key: null, headers })).status).toBe(200);
    expect((await api.call('POST', '/api/v1/products', { key: null, headers, body: { code: 'X', name: 'x' } })).status).toBe(403);

    await api.call('DELETE', `/api/v1/api-keys/${created.body.id}`);
    expect((await api.call('GET', '/api/v1/products', { key: null, headers })).status).toBe(401);
  });

  it('refuses an unknown key, and a bearer key still decides over a cookie', async () => {
    expect((await signIn('uk_unknown')).status).toBe(401);
    expect((await api.call('POST', '/api/v1/session', { key: null, body: {} })).status).toBe(400);
    const session = await signIn(api.adminKey);
    const answer = await api.call('GET', '/api/v1/products', { key: 'uk_revoked-or-wrong', headers: { cookie: session.cookie ?? '' } });
    expect(answer.status).toBe(401);
  });

  it('ends the session on sign-out, for every process', async () => {
    const session = await signIn(api.adminKey);
    const headers = { cookie: session.cookie ?? '' };
    const out = await api.call('DELETE', '/api/v1/session', { key: null, headers });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await api.call('GET', '/api/v1/session', { key: null, headers })).status).toBe(401);
  });
});
