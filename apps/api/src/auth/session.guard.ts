import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Problem } from '../common/problem-details/problem';
import { RequestWithContext } from '../common/request-context/request-context';
import { Access, ACCESS_KEY, SESSION_COOKIE } from '../common/access/access.decorators';
import { SessionsService } from './sessions.service';

/**
 * The global guard: every route needs a live session and one of its declared roles, unless it
 * is declared public. A route that declares nothing is refused: access fails closed.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (access?.public) return true;

    const request = context.switchToHttp().getRequest<RequestWithContext>();
    const token = tokenOf(request);
    const user = token ? await this.sessions.resolve(token) : null;
    if (!user) throw Problem.unauthenticated();
    request.user = user;

    if (!access || !access.roles.includes(user.role)) {
      this.logger.warn({
        event: 'access_denied',
        userId: user.id,
        role: user.role,
        method: request.method,
        path: (request.route as { path?: string } | undefined)?.path ?? request.path,
        requestId: request.id,
      });
      throw Problem.forbidden();
    }
    return true;
  }
}

function tokenOf(request: RequestWithContext): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || null;
  const cookies = (request as { cookies?: Record<string, string> }).cookies;
  return cookies?.[SESSION_COOKIE] || null;
}
