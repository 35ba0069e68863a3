import type { Request } from 'express';
import { BOARD_COOKIE, expiredKeyCookie, keyCookie, presentedKey, withoutKey } from './board-credentials';

const request = (originalUrl: string, headers: Record<string, string> = {}) => ({ originalUrl, headers }) as unknown as Request;

describe('queue board credentials', () => {
  it('takes the bearer header first, then the query parameter, then the cookie', () => {
    const cookie = `other=1; ${BOARD_COOKIE}=uk_cookie`;
    expect(presentedKey(request('/queues?key=uk_query', { authorization: 'Bearer uk_header', cookie }))).toEqual({
      key: 'uk_header',
      source: 'header',
    });
    expect(presentedKey(request('/queues?key=uk_query', { cookie }))).toEqual({ key: 'uk_query', source: 'query' });
    expect(presentedKey(request('/queues/api/queues', { cookie }))).toEqual({ key: 'uk_cookie', source: 'cookie' });
    expect(presentedKey(request('/queues', { cookie: 'urikiri_queues_keyx=uk_no' }))).toBeNull();
    expect(presentedKey(request('/queues', { authorization: 'Basic abc' }))).toBeNull();
  });

  it('removes only the key from the address', () => {
    expect(withoutKey('/queues?key=uk_1')).toBe('/queues');
    expect(withoutKey('/queues/queue/a?status=failed&key=uk_1')).toBe('/queues/queue/a?status=failed');
  });

  it('keeps the key in an HttpOnly, SameSite=Strict cookie scoped to /queues, Secure over TLS', () => {
    expect(keyCookie('uk_1', false)).toBe(`${BOARD_COOKIE}=uk_1; Path=/queues; HttpOnly; SameSite=Strict`);
    expect(keyCookie('uk_1', true)).toMatch(/; Secure$/);
    expect(expiredKeyCookie()).toContain('Max-Age=0');
  });
});
