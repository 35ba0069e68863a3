import { REDACTED, redactHeaders } from './redacted-headers';

describe('redactHeaders', () => {
  it('hides credentials and signatures of any channel, and keeps the rest', () => {
    expect(
      redactHeaders({
        authorization: 'Bearer uk_secret',
        cookie: 'session=1',
        'x-shopify-hmac-sha256': 'abc=',
        'x-testshop-signature': 'def=',
        'x-api-key': 'k',
        'x-amz-security-token': 't',
        'content-type': 'application/json',
        'user-agent': 'curl',
      }),
    ).toEqual({
      authorization: REDACTED,
      cookie: REDACTED,
      'x-shopify-hmac-sha256': REDACTED,
      'x-testshop-signature': REDACTED,
      'x-api-key': REDACTED,
      'x-amz-security-token': REDACTED,
      'content-type': 'application/json',
      'user-agent': 'curl',
    });
  });
});
