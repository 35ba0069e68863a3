import { BoundedMap } from './bounded-map';

describe('BoundedMap', () => {
  it('forgets the entries least recently set beyond its limit', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 3); // set again: now the youngest
    map.set('c', 4);
    expect([map.get('a'), map.has('b'), map.get('c'), map.size]).toEqual([3, false, 4, 2]);
  });
});
