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
import { sessionTokenFrom } from './session-cookie';
import { SessionStore } from './session.store';

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
    private readonly sessions: SessionStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const required = this.reflector.getAllAndOverride<ApiKeyScope>(REQUIRED_SCOPE, targets) ?? 'admin';

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const apiKey = await this.presentedKey(request);
    if (!grants(apiKey.scopes, required)) {
      throw new ForbiddenException(
        `This API key lacks the "${required}" scope, which this route needs (it has: ${apiKey.scopes.join(', ')}).`,
      );
    }
    request.apiKey = apiKey;
    return true;
  }

  /** A bearer key wins; without one, the dashboard's session cookie stands for the key it was opened with. */
  private async presentedKey(request: Request): Promise<ApiKeyView> {
    const bearer = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      const apiKey = await this.apiKeys.authenticate(bearer);
      if (!apiKey) throw new UnauthorizedException('The API key is unknown or has been revoked.');
      return apiKey;
    }
    const session = sessionTokenFrom(request);
    if (!session) throw new UnauthorizedException('This route needs an API key, sent as "Authorization: Bearer uk_…".');
    const id = await this.sessions.apiKeyIdOf(session);
    const apiKey = id === null ? null : await this.apiKeys.activeById(id);
    if (!apiKey) throw new UnauthorizedException('The session has ended or its API key was revoked; sign in again.');
    return apiKey;
  }
}
