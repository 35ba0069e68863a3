import { isAxiosError } from 'axios';
import { ConnectorError } from '@urikiri/connector-sdk';
import { parseYahooXml } from './yahoo-xml.codec';
import type { YahooErrorAnswer } from './yahoo-wire.types';

/**
 * Adds Yahoo!'s own words to a failed call: the `<Error><Message/><Code/></Error>` body. The kind
 * chosen by the SDK (from the HTTP status) stays; the code and message are what an operator needs.
 */
export function withYahooError(error: unknown): unknown {
  if (!(error instanceof ConnectorError) || !isAxiosError(error.cause)) {
    return error;
  }
  const body = error.cause.response?.data;
  if (typeof body !== 'string' || !body.includes('<Error')) {
    return error;
  }
  let parsed: YahooErrorAnswer;
  try {
    parsed = parseYahooXml<YahooErrorAnswer>(body);
  } catch {
    return error;
  }
  const code = parsed.Error?.Code;
  const message = parsed.Error?.Message;
  return new ConnectorError(
    error.kind,
    `${error.message}${code ? ` ${code}` : ''}: ${message ?? 'no message'}`,
    {
      retryAfterMs: error.retryAfterMs,
      httpStatus: error.httpStatus,
      code: code ?? error.code,
      cause: error.cause,
    },
  );
}
