/**
 * Request headers that carry a credential or something derived from one, by name: the API key
 * (Authorization), cookies, and whatever channels and proxies sign or authenticate with
 * (`X-Shopify-Hmac-Sha256`, `X-Testshop-Signature`, `X-Api-Key`, …). Matched by pattern, so a
 * channel added later is covered without a list to keep up to date.
 */
const SENSITIVE_HEADER = /authorization|cookie|signature|hmac|token|secret|api-?key|password|credential/i;

export const REDACTED = '[redacted]';

/** The headers as logged: sensitive values replaced, everything else kept for diagnosis. */
export function redactHeaders(headers: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!headers) return headers;
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, SENSITIVE_HEADER.test(name) ? REDACTED : value]));
}
