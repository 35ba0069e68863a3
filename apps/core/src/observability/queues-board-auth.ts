import { Injectable, Logger } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { grants } from '../auth/api-key-scope';
import { ApiKeyService } from '../auth/api-key.service';
import { expiredKeyCookie, keyCookie, presentedKey, withoutKey } from './board-credentials';
import { QUEUES_BOARD_PATH } from './queues-board';

const HOW_TO =
  `The queue board needs an admin API key: send "Authorization: Bearer uk_…", or open ` +
  `${QUEUES_BOARD_PATH}?key=uk_… once in the browser (the key is then kept in a cookie for ${QUEUES_BOARD_PATH} only).`;

/**
 * The admin check in front of bull-board, which is a plain Express app and so outside Nest's guard.
 * Same answers as the guard (401 without a working key, 403 without the admin scope, one error shape),
 * plus the browser's way in: a key in the query is swapped for a cookie and a redirect to the same
 * page without it. The board can retry, promote and delete jobs, so every change made there is logged
 * with the key that made it.
 */
@Injectable()
export class QueuesBoardAuth {
  private readonly logger = new Logger(QueuesBoardAuth.name);

  constructor(private readonly apiKeys: ApiKeyService) {}

  handler(): RequestHandler {
    return (request, response, next) => {
      this.check(request, response, next).catch(next);
    };
  }

  private async check(request: Request, response: Response, next: NextFunction): Promise<void> {
    const presented = presentedKey(request);
    if (!presented) return refuse(response, 401, HOW_TO);
    const apiKey = await this.apiKeys.authenticate(presented.key);
    if (!apiKey || !grants(apiKey.scopes, 'admin')) {
      if (presented.source === 'cookie') response.setHeader('Set-Cookie', expiredKeyCookie());
      this.logger.warn({ method: request.method, path: request.path, source: presented.source, known: Boolean(apiKey) }, 'Queue board refused');
      if (!apiKey) return refuse(response, 401, `The API key is unknown or has been revoked. ${HOW_TO}`);
      return refuse(response, 403, `This API key lacks the "admin" scope, which the queue board needs (it has: ${apiKey.scopes.join(', ')}).`);
    }
    if (presented.source === 'query') {
      response.setHeader('Set-Cookie', keyCookie(presented.key, request.secure));
      if (request.method === 'GET' || request.method === 'HEAD') {
        response.redirect(303, withoutKey(request.originalUrl));
        return;
      }
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      this.logger.log({ method: request.method, path: request.path, apiKey: { id: apiKey.id, prefix: apiKey.prefix } }, 'Queue board action');
    }
    next();
  }
}

function refuse(response: Response, status: 401 | 403, message: string): void {
  const error = STATUS_CODES[status] ?? 'Error';
  response.status(status).json({ statusCode: status, error, code: error.toLowerCase(), message });
}
