import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokensModule } from '../access-tokens';
import { UsersModule } from '../users';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { LoginLimiterService } from './login-limiter.service';
import { PasswordHashGate } from './password-hash-gate.service';
import { SessionGuard } from './session.guard';
import { SessionsService } from './sessions.service';

@Module({
  imports: [UsersModule, AccessTokensModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    AuthRepository,
    SessionsService,
    LoginLimiterService,
    PasswordHashGate,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [SessionsService, LoginLimiterService],
})
export class AuthModule {}
