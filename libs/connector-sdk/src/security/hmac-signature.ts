import { createHmac, timingSafeEqual } from 'node:crypto';

export type HmacAlgorithm = 'sha256' | 'sha1' | 'sha512';
export type SignatureEncoding = 'base64' | 'hex';

export interface HmacOptions {
  secret: string;
  payload: Buffer | string;
  algorithm?: HmacAlgorithm;
  encoding?: SignatureEncoding;
}

/** The signature a channel puts on a webhook (Shopify: base64 HMAC-SHA256 of the raw body). */
export function signHmac(options: HmacOptions): string {
  return createHmac(options.algorithm ?? 'sha256', options.secret)
    .update(options.payload)
    .digest(options.encoding ?? 'base64');
}

/**
 * Compares a received signature with the expected one in constant time, so an attacker cannot learn
 * the signature byte by byte from response times. A missing or malformed signature is simply false.
 */
export function verifyHmacSignature(options: HmacOptions & { signature: string | undefined | null }): boolean {
  if (typeof options.signature !== 'string' || options.signature === '') {
    return false;
  }
  const encoding = options.encoding ?? 'base64';
  const expected = Buffer.from(signHmac(options), encoding);
  const received = Buffer.from(options.signature, encoding);
  if (received.length !== expected.length) {
    return false;
  }
  return timingSafeEqual(received, expected);
}
