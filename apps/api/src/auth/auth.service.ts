import { Injectable, Logger } from '@nestjs/common';
import { Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { DUMMY_PASSWORD_HASH, UsersService, verifyPassword } from '../users';
import { LoginLimiterService } from './login-limiter.service';
import { PasswordHashGate } from './password-hash-gate.service';
import { SessionsService } from './sessions.service';
import { SessionResponse } from './auth.dto';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly limiter: LoginLimiterService,
    private readonly hashGate: PasswordHashGate,
  ) {}

  async login(
    email: string,
    password: string,
    client: { ip: string | null; userAgent: string | null; requestId: string },
  ): Promise<SessionResponse> {
    await this.limiter.begin(email, client.ip).catch((error: unknown) => {
      this.logger.warn({
        event: 'sign_in_throttled',
        email,
        limit: error instanceof Problem ? error.extensions.limit : undefined,
        ip: client.ip,
        requestId: client.requestId,
      });
      throw error;
    });
    const credentials = await this.users.findCredentials(email);
    const passwordHash = credentials?.passwordHash ?? (await DUMMY_PASSWORD_HASH);
    const valid = await this.hashGate.run(() => verifyPassword(passwordHash, password));
    if (!credentials || !valid || !credentials.active) {
      await this.limiter.record(email, client.ip, false);
      this.logger.warn({
        event: 'sign_in_failed',
        email,
        reason: !credentials ? 'unknown_email' : !valid ? 'wrong_password' : 'inactive',
        ip: client.ip,
        requestId: client.requestId,
      });
      throw Problem.unauthenticated('The email or password is not correct.');
    }
    await this.limiter.record(email, client.ip, true);
    await this.limiter.succeeded(email, client.ip);
    const session = await this.sessions.open(credentials.id, client);
    await this.users.recordSignIn(credentials.id);
    this.logger.log({
      event: 'signed_in',
      userId: credentials.id,
      ip: client.ip,
      requestId: client.requestId,
    });
    return {
      token: session.token,
      expiresAt: session.expiresAt.toISOString(),
      user: await this.users.get(credentials.id),
    };
  }

  async logout(ctx: RequestContext): Promise<void> {
    // A script's token is not a session: it is revoked from the account page or its own route.
    if (ctx.actor.accessTokenId)
      throw Problem.forbidden(
        'Sign-out ends a session; a personal access token is revoked with DELETE /api/v1/access-tokens/{id}.',
      );
    await this.sessions.revoke(ctx.actor.sessionId);
    this.logger.log({ event: 'signed_out', userId: ctx.actor.id, requestId: ctx.requestId });
  }
}
