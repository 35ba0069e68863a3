import { TokenRefresher } from './token-refresher';

describe('TokenRefresher', () => {
  it('shares one refresh among concurrent callers and reuses the token until near expiry', async () => {
    let now = 0;
    let fetched = 0;
    const refresher = new TokenRefresher({
      clock: () => now,
      skewMs: 1000,
      fetchToken: async () => {
        fetched += 1;
        return { accessToken: `t${fetched}`, expiresInMs: 10_000 };
      },
    });
    expect(await Promise.all([refresher.get(), refresher.get(), refresher.get()])).toEqual(['t1', 't1', 't1']);
    now = 8999;
    expect(await refresher.get()).toBe('t1');
    now = 9000;
    expect(await refresher.get()).toBe('t2');
    refresher.invalidate();
    expect(await refresher.get()).toBe('t3');
    expect(fetched).toBe(3);
  });

  it('lets the next call try again after a failed refresh', async () => {
    let attempt = 0;
    const refresher = new TokenRefresher({
      fetchToken: async () => {
        attempt += 1;
        if (attempt === 1) {
          throw new Error('token endpoint down');
        }
        return { accessToken: 'ok', expiresInMs: 60_000 };
      },
    });
    await expect(refresher.get()).rejects.toThrow('token endpoint down');
    expect(await refresher.get()).toBe('ok');
  });
});
