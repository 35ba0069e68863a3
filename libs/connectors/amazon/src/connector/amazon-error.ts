import { ConnectorError } from '@urikiri/connector-sdk';
import { isAxiosError } from 'axios';
import type { AmazonErrorList } from '../amazon-wire.types';

/** The first entry of an SP-API `{"errors":[...]}` body carried by a failed call, if any. */
export function amazonErrorOf(
  error: unknown,
): { code: string; message: string; details?: string } | null {
  const cause = error instanceof ConnectorError ? error.cause : error;
  if (!isAxiosError(cause)) {
    return null;
  }
  const body = cause.response?.data as Partial<AmazonErrorList> | undefined;
  const first = Array.isArray(body?.errors) ? body.errors[0] : undefined;
  return first && typeof first.code === 'string' ? first : null;
}

/** Amazon answers an expired access token with 403 Unauthorized "... has expired": refresh and retry. */
export function isExpiredToken(error: unknown): boolean {
  const amazon = amazonErrorOf(error);
  return (
    amazon !== null &&
    /expired/i.test(`${amazon.message} ${amazon.details ?? ''}`)
  );
}

/** The same failure, with Amazon's own code and words in the message for the operator. */
export function withAmazonReason(
  error: ConnectorError,
  operation: string,
): ConnectorError {
  const amazon = amazonErrorOf(error);
  if (amazon === null) {
    return error;
  }
  const details = amazon.details ? ` (${amazon.details})` : '';
  return new ConnectorError(
    error.kind,
    `amazon ${operation}: ${amazon.code}: ${amazon.message}${details}`,
    {
      retryAfterMs: error.retryAfterMs,
      httpStatus: error.httpStatus,
      code: amazon.code,
      cause: error.cause,
    },
  );
}
