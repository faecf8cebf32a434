import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Problem } from '../common/problem-details/problem';
import { RequestWithContext } from '../common/request-context/request-context';
import { Access, ACCESS_KEY, SESSION_COOKIE } from '../common/access/access.decorators';
import { AccessTokensService } from '../access-tokens';
import { SessionsService } from './sessions.service';

/**
 * The global guard: every route needs a live session (or a live personal access token, which acts
 * as its user) and one of its declared roles, unless it is declared public. A route that declares
 * nothing is refused: access fails closed.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly accessTokens: AccessTokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (access?.public) return true;

    const request = context.switchToHttp().getRequest<RequestWithContext>();
    const token = tokenOf(request);
    const user = !token
      ? null
      : token.bearer && this.accessTokens.isAccessToken(token.value)
        ? await this.accessTokens.resolve(token.value)
        : await this.sessions.resolve(token.value);
    if (!user) throw Problem.unauthenticated();
    request.user = user;

    if (!access || !access.roles.includes(user.role)) {
      this.logger.warn({
        event: 'access_denied',
        userId: user.id,
        role: user.role,
        method: request.method,
        path: request.routeOptions.url ?? request.url.split('?')[0],
        requestId: request.id,
      });
      throw Problem.forbidden();
    }
    return true;
  }
}

/** The bearer token, which takes precedence, or the session cookie (which never holds an access token). */
function tokenOf(request: RequestWithContext): { value: string; bearer: boolean } | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const value = header.slice('Bearer '.length).trim();
    return value ? { value, bearer: true } : null;
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? { value: cookie, bearer: false } : null;
}
