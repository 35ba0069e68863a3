import { jsonResponse, type SandboxErrorResponses, type SandboxResponse } from '@urikiri/connector-sdk/testing';
import type { RakutenApiError, RakutenAuthErrorBody, RakutenMessage } from '../rakuten-wire.types';

/** `{"errors":[...]}` as the 2.0 APIs answer. */
export function rakutenErrors(status: number, errors: RakutenApiError[], headers: Record<string, string> = {}): SandboxResponse {
  return jsonResponse(status, { errors }, headers);
}

export function invalid(message: string, propertyPath?: string): RakutenApiError {
  return { code: 'IE0004', message, ...(propertyPath === undefined ? {} : { metadata: { propertyPath } }) };
}

export function notFound(message: string, propertyPath?: string): RakutenApiError {
  return { code: 'GE0014', message: `Not found for inputs; ${message}`, ...(propertyPath === undefined ? {} : { metadata: { propertyPath } }) };
}

export const unauthorised = (): SandboxResponse =>
  jsonResponse(401, { Results: { errorCode: 'ES01-01', message: 'Un-Authorised' } } satisfies RakutenAuthErrorBody);

/** The order API reports problems in MessageModelList rather than `errors`. */
export function orderApiError(status: number, messageCode: string, message: string): SandboxResponse {
  const messages: RakutenMessage[] = [{ messageType: 'ERROR', messageCode, message }];
  return jsonResponse(status, { MessageModelList: messages });
}

/**
 * Rakuten's answers to throttling and maintenance could not be confirmed: these shapes are the
 * sandbox's choice (the 2.0 error body, with Retry-After) and can be replaced per sandbox.
 */
export const rakutenErrorResponses: SandboxErrorResponses = {
  rateLimited: (s) =>
    rakutenErrors(429, [{ code: 'TOO_MANY_REQUESTS', message: 'Request limit exceeded; retry after the interval' }], { 'retry-after': String(s) }),
  serverError: (status) => rakutenErrors(status, [{ code: 'SYSTEM_ERROR', message: 'An internal error occurred' }]),
  maintenance: (s) =>
    rakutenErrors(503, [{ code: 'MAINTENANCE', message: 'RMS is under scheduled maintenance' }], { 'retry-after': String(s) }),
  notFound: (method, path) => rakutenErrors(404, [notFound(`no RMS endpoint ${method} ${path}`)]),
  badRequest: (message) => rakutenErrors(400, [invalid(message)]),
};
