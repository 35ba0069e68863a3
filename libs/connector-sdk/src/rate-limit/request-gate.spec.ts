import { RequestGate } from './request-gate';

const limits = {
  push: { kind: 'token-bucket', ratePerSecond: 2, burst: 1 },
  read: { kind: 'token-bucket', ratePerSecond: 100, burst: 100 },
  catalogue: { kind: 'leaky-bucket', capacity: 10, leakPerSecond: 10, costPerCall: 10 },
  orders: { kind: 'token-bucket', ratePerSecond: 100, burst: 100 },
} as const;

describe('RequestGate', () => {
  function fakeTime() {
    const clock = { now: 0, slept: [] as number[] };
    const sleep = async (ms: number) => {
      clock.slept.push(ms);
      clock.now += ms;
    };
    return { clock, gate: new RequestGate(limits, () => clock.now, sleep) };
  }

  it('waits for the operation bucket instead of sending over the limit', async () => {
    const { clock, gate } = fakeTime();
    await gate.acquire('push');
    await gate.acquire('push');
    expect(clock.slept).toEqual([500]);
    await gate.acquire('catalogue');
    await gate.acquire('catalogue');
    expect(clock.now).toBe(1500);
  });

  it('holds an operation back until a Retry-After has passed, leaving others alone', async () => {
    const { clock, gate } = fakeTime();
    gate.pause('read', 3000);
    await gate.acquire('orders');
    expect(clock.now).toBe(0);
    await gate.acquire('read');
    expect(clock.now).toBe(3000);
  });
});
