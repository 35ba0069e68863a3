import { ConnectorError } from '../errors/connector-error';
import { DEFAULT_RETRY_AFTER_MS } from '../errors/classify-error';
import type { PushItem } from './connector.types';
import { pushResultFromError } from './push-result-from-error';

describe('pushResultFromError', () => {
  const item: PushItem = { listingId: 'L1', target: 5, lastPublished: 3, version: 7 };

  it("passes on how long a channel in maintenance asked us to stay away", () => {
    const error = new ConnectorError('retryable', 'HTTP 503: under maintenance', { retryAfterMs: 90_000, httpStatus: 503 });
    expect(pushResultFromError(item, error)).toEqual({
      listingId: 'L1',
      version: 7,
      status: 'retryable',
      message: 'HTTP 503: under maintenance',
      retryAfterMs: 90_000,
    });
  });

  it('leaves the wait out of a transient failure the channel gave no time for', () => {
    const result = pushResultFromError(item, new ConnectorError('retryable', 'ECONNRESET'));
    expect(result).toEqual({ listingId: 'L1', version: 7, status: 'retryable', message: 'ECONNRESET' });
    expect('retryAfterMs' in result).toBe(false);
  });

  it('always gives a rate-limited result a wait, and the other kinds none', () => {
    expect(pushResultFromError(item, new ConnectorError('rate-limited', 'slow down'))).toMatchObject({
      status: 'rate-limited',
      retryAfterMs: DEFAULT_RETRY_AFTER_MS,
    });
    expect(pushResultFromError(item, new ConnectorError('rate-limited', 'slow down', { retryAfterMs: 4000 }))).toMatchObject({
      retryAfterMs: 4000,
    });
    expect(pushResultFromError(item, new ConnectorError('permanent', 'no such listing', { code: 'GE0014', retryAfterMs: 5 }))).toEqual({
      listingId: 'L1',
      version: 7,
      status: 'permanent',
      message: 'no such listing',
      code: 'GE0014',
    });
  });
});
