import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Role } from '@hstf/domain';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  donorId: string | null;
  sessionId: string;
  /** Set when the caller sent a personal access token rather than a session's (sessionId is then ''). */
  accessTokenId?: string;
}

/**
 * Who is asking and under which request id: passed explicitly to services, so that every write
 * can say who made it (the audit) and every read can scope itself to the caller.
 */
export class RequestContext {
  constructor(
    readonly requestId: string,
    readonly user: SessionUser | null,
    readonly ip: string | null,
  ) {}

  get actor(): SessionUser {
    if (!this.user) throw new Error('This operation needs a signed-in user');
    return this.user;
  }

  /** For writes made by the system itself (migrations, demo data, command-line tools). */
  static system(label: string): RequestContext {
    return new RequestContext(label, null, null);
  }
}

export type RequestWithContext = FastifyRequest & { user?: SessionUser };

export function requestContextOf(request: RequestWithContext): RequestContext {
  return new RequestContext(String(request.id ?? ''), request.user ?? null, request.ip ?? null);
}

/** The caller's RequestContext, as a controller parameter. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext) =>
  requestContextOf(context.switchToHttp().getRequest<RequestWithContext>()),
);
