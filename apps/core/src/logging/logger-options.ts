import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { REDACTED, redactHeaders } from './redacted-headers';

/**
 * JSON lines on stdout, one per request and per event. Credentials never reach the log: the
 * Authorization header, cookies and every signature or token header are redacted, and health probes
 * are not logged at all (they would drown the rest).
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    // Express 5 route syntax; the default '*' is converted at start with a warning.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      base: { service: 'urikiri-core', role: config.role },
      // Every header that carries a credential or a signature, by name (see redactHeaders); the
      // redact paths stay as a second line for the two that matter most.
      serializers: { req: (request: { headers?: Record<string, unknown> }) => ({ ...request, headers: redactHeaders(request.headers) }) },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: REDACTED },
      autoLogging: { ignore: (request) => request.url === '/health' },
      customLogLevel: (_request, response, error) => {
        if (error || response.statusCode >= 500) return 'error';
        if (response.statusCode >= 400) return 'warn';
        return 'info';
      },
    },
  };
}
