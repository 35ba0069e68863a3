import {
  jsonResponse,
  type SandboxErrorResponses,
  type SandboxResponse,
} from '@urikiri/connector-sdk/testing';
import type { AmazonErrorList } from '../amazon-wire.types';

/** An SP-API error answer: `{"errors":[{code, message, details}]}`. */
export function amazonError(
  status: number,
  code: string,
  message: string,
  details = '',
): SandboxResponse {
  const body: AmazonErrorList = { errors: [{ code, message, details }] };
  return jsonResponse(status, body);
}

/**
 * Amazon's answers for the kit's common failures. A 429 carries no Retry-After: Amazon never sends
 * one, the caller must pace itself from the usage plan.
 */
export const amazonErrorResponses: SandboxErrorResponses = {
  rateLimited: () =>
    amazonError(
      429,
      'QuotaExceeded',
      'You exceeded your quota for the requested resource.',
    ),
  serverError: (status) =>
    status === 503
      ? amazonError(
          503,
          'ServiceUnavailable',
          'Service temporarily unavailable. Please try again.',
        )
      : amazonError(
          status,
          'InternalFailure',
          'We encountered an internal error. Please try again.',
        ),
  maintenance: () =>
    amazonError(
      503,
      'ServiceUnavailable',
      'Service temporarily unavailable. Please try again.',
    ),
  notFound: (method, path) =>
    amazonError(
      404,
      'NotFound',
      'The requested resource was not found.',
      `${method} ${path}`,
    ),
  badRequest: (message) => amazonError(400, 'InvalidInput', message),
};

export const invalidInput = (message: string, details = ''): SandboxResponse =>
  amazonError(400, 'InvalidInput', message, details);
