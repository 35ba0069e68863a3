import {
  xmlResponse,
  type SandboxErrorResponses,
  type SandboxResponse,
} from '@urikiri/connector-sdk/testing';

/** Yahoo!'s error body: `<Error><Message/><Code/></Error>`. */
export function yahooError(
  status: number,
  message: string,
  code?: string,
  headers: Record<string, string> = {},
): SandboxResponse {
  return xmlResponse(
    status,
    { Error: { Message: message, ...(code ? { Code: code } : {}) } },
    headers,
  );
}

/** The throttle answer: access stays blocked until Retry-After has passed. */
export function throttled(retryAfterSeconds: number): SandboxResponse {
  return yahooError(
    429,
    `Access is restricted for ${retryAfterSeconds} s: more than about 1 request per second to this URL.`,
    undefined,
    {
      'retry-after': String(retryAfterSeconds),
    },
  );
}

export const yahooErrorResponses: SandboxErrorResponses = {
  rateLimited: throttled,
  serverError: (status) => yahooError(status, 'Internal Server Error'),
  maintenance: (s) =>
    yahooError(503, 'Service is under maintenance', undefined, {
      'retry-after': String(s),
    }),
  notFound: (method, path) => yahooError(404, `No API at ${method} ${path}`),
  badRequest: (message) => yahooError(400, message),
};
