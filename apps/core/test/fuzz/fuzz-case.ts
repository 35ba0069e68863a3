/** One malformed request, and what must be true of its answer. */
export interface FuzzCase {
  /** The operation it attacks, as reports name it: `POST /api/v1/stock/{sku}`. */
  operation: string;
  /** The kind of defect: `auth`, `path`, `query`, `header`, `body`, `webhook-forged`, … */
  defect: string;
  /** What exactly is wrong, for people reading a failure. */
  how: string;
  method: string;
  /** Path and query string, already encoded. */
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** The field a 400 must name (dotted, as the API writes paths); absent when no single field is at fault. */
  field?: string;
}

/** Percent-encodes text as UTF-8 (a lone surrogate becomes U+FFFD, as any client would send it). */
export function encodeSegment(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** `?a=1&b=x` from pairs; a repeated name sends the parameter twice. */
export function queryString(pairs: [string, string][]): string {
  if (pairs.length === 0) return '';
  return `?${pairs.map(([name, value]) => `${encodeSegment(name)}=${encodeSegment(value)}`).join('&')}`;
}

export function jsonBody(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value) ?? 'null', 'utf8');
}
