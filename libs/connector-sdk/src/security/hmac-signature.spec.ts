import { signHmac, verifyHmacSignature } from './hmac-signature';

describe('HMAC signatures', () => {
  const body = Buffer.from('{"id":1}');

  it('defaults to base64 HMAC-SHA256 of the raw body, as Shopify signs webhooks', () => {
    expect(signHmac({ secret: 'secret', payload: body })).toBe('A971iWIMgT8Zj9A9eWfikrFj7wQ16/Qwcc4OlRl2PLc=');
  });

  it('accepts the right signature and refuses a wrong, truncated or missing one', () => {
    const signature = signHmac({ secret: 'secret', payload: body });
    expect(verifyHmacSignature({ secret: 'secret', payload: body, signature })).toBe(true);
    expect(verifyHmacSignature({ secret: 'other', payload: body, signature })).toBe(false);
    expect(verifyHmacSignature({ secret: 'secret', payload: Buffer.from('{"id":2}'), signature })).toBe(false);
    expect(verifyHmacSignature({ secret: 'secret', payload: body, signature: signature.slice(0, 10) })).toBe(false);
    expect(verifyHmacSignature({ secret: 'secret', payload: body, signature: undefined })).toBe(false);
  });

  it('supports hex signatures', () => {
    const signature = signHmac({ secret: 's', payload: 'x', encoding: 'hex' });
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyHmacSignature({ secret: 's', payload: 'x', encoding: 'hex', signature })).toBe(true);
  });
});
