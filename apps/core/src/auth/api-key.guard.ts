import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { type ApiKeyScope, grants } from './api-key-scope';
import { ApiKeyService, type ApiKeyView } from './api-key.service';
import { PUBLIC_ROUTE, REQUIRED_SCOPE } from './require-scope.decorator';

export interface AuthenticatedRequest extends Request {
  apiKey?: ApiKeyView;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Guards every route: a route that forgets to declare its scope needs `admin`, never nothing. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const required = this.reflector.getAllAndOverride<ApiKeyScope>(REQUIRED_SCOPE, targets) ?? 'admin';

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) {
      throw new UnauthorizedException('This route needs an API key, sent as "Authorization: Bearer uk_…".');
    }
    const apiKey = await this.apiKeys.authenticate(match[1]);
    if (!apiKey) throw new UnauthorizedException('The API key is unknown or has been revoked.');
    if (!grants(apiKey.scopes, required)) {
      throw new ForbiddenException(
        `This API key lacks the "${required}" scope, which this route needs (it has: ${apiKey.scopes.join(', ')}).`,
      );
    }
    request.apiKey = apiKey;
    return true;
  }
}
