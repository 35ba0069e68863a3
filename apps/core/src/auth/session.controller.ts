import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { ApiErrors, ApiZodBody } from '../openapi/api-doc.decorators';
import type { AuthenticatedRequest } from './api-key.guard';
import { ApiKeyService, type ApiKeyView } from './api-key.service';
import { PublicRoute, RequireScope } from './require-scope.decorator';
import { expiredSessionCookie, sessionCookie, sessionTokenFrom } from './session-cookie';
import { openSessionSchema, type OpenSessionInput } from './session.schema';
import { SessionStore } from './session.store';

type SessionView = Pick<ApiKeyView, 'name' | 'prefix' | 'scopes'>;

const sessionView = (key: ApiKeyView): SessionView => ({ name: key.name, prefix: key.prefix, scopes: key.scopes });

/**
 * The dashboard's sign-in: an API key is exchanged once for a session cookie, so the browser never
 * holds the key itself and every later call (including the event stream, which cannot send headers)
 * is authenticated by the cookie.
 */
@ApiTags('session')
@Controller('session')
export class SessionController {
  constructor(
    private readonly apiKeys: ApiKeyService,
    private readonly sessions: SessionStore,
  ) {}

  @Post()
  @PublicRoute()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with an API key: answers who is signed in and sets an HttpOnly session cookie for /api/v1.' })
  @ApiZodBody(openSessionSchema)
  @ApiErrors(400)
  async open(
    @Body(new ZodValidationPipe(openSessionSchema)) input: OpenSessionInput,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionView> {
    const apiKey = await this.apiKeys.authenticate(input.key);
    if (!apiKey) throw new UnauthorizedException('The API key is unknown or has been revoked.');
    const token = await this.sessions.open(apiKey.id);
    response.setHeader('Set-Cookie', sessionCookie(token, request.secure));
    return sessionView(apiKey);
  }

  @Get()
  @RequireScope('read')
  // The document says what the guard does: this one needs a key (or the session cookie standing for one).
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who is signed in: the name, prefix and scopes of the API key behind the session (or bearer key).' })
  @ApiErrors()
  current(@Req() request: AuthenticatedRequest): SessionView {
    // The guard has authenticated the request, so the key is there.
    if (!request.apiKey) throw new UnauthorizedException();
    return sessionView(request.apiKey);
  }

  @Delete()
  @PublicRoute()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: the session ends for every API process, and the cookie is cleared.' })
  async close(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const token = sessionTokenFrom(request);
    if (token) await this.sessions.close(token);
    response.setHeader('Set-Cookie', expiredSessionCookie());
  }
}
