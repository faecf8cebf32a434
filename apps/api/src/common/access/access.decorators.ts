import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from '@hstf/domain';

export const ACCESS_KEY = 'hstf:access';
export const SESSION_COOKIE = 'hstf_session';

export type Access = { public: true } | { public: false; roles: readonly Role[] };

/** Anyone may call this route, signed in or not (sign-in, health, docs). */
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies Access);

/**
 * The route needs a session whose user has one of these roles. Every route declares either
 * this or @Public(); the guard refuses routes that declare neither.
 */
export const Authenticated = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ACCESS_KEY, { public: false, roles } satisfies Access),
    ApiBearerAuth(),
    ApiCookieAuth(SESSION_COOKIE),
    ApiUnauthorizedResponse({ description: 'No valid session' }),
    ApiForbiddenResponse({ description: `Allowed roles: ${roles.join(', ')}` }),
  );

export const ALL_ROLES: Role[] = ['admin', 'staff', 'reviewer', 'donor'];
