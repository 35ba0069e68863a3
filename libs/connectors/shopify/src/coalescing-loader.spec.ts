import { CoalescingLoader } from './coalescing-loader';

describe('CoalescingLoader', () => {
  const squares = () => {
    const batches: number[][] = [];
    const loader = new CoalescingLoader<number, number>(async (keys) => {
      batches.push(keys);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return new Map(keys.filter((k) => k >= 0).map((k) => [k, k * k]));
    });
    return { loader, batches };
  };

  it('sends the keys asked for in one turn as one batch, each once', async () => {
    const { loader, batches } = squares();
    const [a, b] = await Promise.all([loader.load([1, 2, 2]), loader.load([2, 3, -1])]);
    expect(batches).toEqual([[1, 2, 3, -1]]);
    expect([...a]).toEqual([
      [1, 1],
      [2, 4],
    ]);
    expect([...b]).toEqual([
      [2, 4],
      [3, 9],
    ]);
  });

  it('keeps keys asked for during a batch for the next one, and does not ask again for keys in flight', async () => {
    const { loader, batches } = squares();
    const first = loader.load([1, 2]);
    await new Promise((resolve) => setImmediate(resolve));
    const during = [loader.load([2, 3]), loader.load([4]), loader.load([1])];
    await Promise.all([first, ...during]);
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect([...(await during[0])]).toEqual([
      [2, 4],
      [3, 9],
    ]);
  });

  it('fails the callers of a failed batch only, and goes on with the next', async () => {
    let calls = 0;
    const loader = new CoalescingLoader<string, string>(async (keys) => {
      calls += 1;
      if (calls === 1) {
        throw new Error('channel down');
      }
      return new Map(keys.map((k) => [k, k.toUpperCase()]));
    });
    await expect(loader.load(['a'])).rejects.toThrow('channel down');
    expect([...(await loader.load(['a']))]).toEqual([['a', 'A']]);
  });
});
