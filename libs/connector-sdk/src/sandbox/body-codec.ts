import { XMLParser } from 'fast-xml-parser';

const xmlParser = new XMLParser({ ignoreAttributes: false, parseTagValue: false });

export class BodyParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BodyParseError';
  }
}

/** Reads a request body the way the channel would, by its content type. */
export function parseBody(contentType: string | undefined, raw: Buffer): unknown {
  if (raw.length === 0) {
    return undefined;
  }
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const text = raw.toString('utf8');
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new BodyParseError('The body is not valid JSON');
    }
  }
  if (type === 'application/xml' || type === 'text/xml') {
    try {
      return xmlParser.parse(text, true) as unknown;
    } catch {
      throw new BodyParseError('The body is not well-formed XML');
    }
  }
  if (type === 'application/x-www-form-urlencoded') {
    return Object.fromEntries(new URLSearchParams(text));
  }
  return text;
}
