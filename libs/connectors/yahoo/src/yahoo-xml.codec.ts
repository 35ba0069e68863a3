import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { YAHOO_REPEATED_PATHS } from './yahoo-wire.types';

const parser = new XMLParser({
  ignoreAttributes: false,
  // Item codes such as 0001 and quantities such as +5 must stay text.
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (_name, jpath) =>
    YAHOO_REPEATED_PATHS.some((p) =>
      p.startsWith('.') ? String(jpath).endsWith(p) : jpath === p,
    ),
});

const builder = new XMLBuilder({
  ignoreAttributes: false,
  suppressEmptyNode: true,
});

export class YahooXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YahooXmlError';
  }
}

/** Reads a Yahoo! XML body; repeated elements are always arrays. */
export function parseYahooXml<T>(text: string): T {
  try {
    return parser.parse(text, true) as T;
  } catch (error) {
    throw new YahooXmlError(
      `Yahoo!ショッピング answered with malformed XML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export function buildYahooXml(body: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build(body)}`;
}
