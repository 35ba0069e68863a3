import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AdminKeyBootstrap } from './admin-key-bootstrap.service';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyService } from './api-key.service';
import { ApiKeysController } from './api-keys.controller';
import { SessionController } from './session.controller';
import { SessionStore } from './session.store';

@Module({
  controllers: [ApiKeysController, SessionController],
  providers: [ApiKeyService, SessionStore, AdminKeyBootstrap, { provide: APP_GUARD, useClass: ApiKeyGuard }],
  exports: [ApiKeyService],
})
export class AuthModule {}
