import { LOOKBACK, unsent, type TableCursor } from './feed-cursor';

const rows = (...ids: number[]) => ids.map((id) => ({ id }));
const ids = (found: Array<Record<string, unknown>>) => found.map((r) => r['id']);

describe('the change feed cursor', () => {
  it('sends each row once, including one committed after a row with a higher id', () => {
    const cursor: TableCursor = { last: 10, sent: new Set([9, 10]) };
    expect(ids(unsent(rows(9, 10, 12), cursor))).toEqual([12]);
    // Id 11 was taken first but committed last: it shows up behind 12 and is still sent.
    expect(ids(unsent(rows(9, 10, 11, 12, 13), cursor))).toEqual([11, 13]);
    expect(ids(unsent(rows(11, 12, 13), cursor))).toEqual([]);
    expect(cursor.last).toBe(13);
  });

  it('forgets ids too far behind to turn up again', () => {
    const cursor: TableCursor = { last: 0, sent: new Set() };
    unsent(rows(1, 2, 3), cursor);
    unsent(rows(LOOKBACK + 5), cursor);
    expect([...cursor.sent]).toEqual([LOOKBACK + 5]);
  });
});
