import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Ctx, RequestContext, type RequestWithContext } from '../common/request-context/request-context';
import { UserDto, UsersService } from '../users';
import { ALL_ROLES, Authenticated, Public, SESSION_COOKIE } from '../common/access/access.decorators';
import { LoginRequest, SessionResponse } from './auth.dto';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @ApiOperation({ summary: 'Sign in: a session as an httpOnly cookie and as a bearer token' })
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponse, description: 'Also sets the httpOnly session cookie' })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password' })
  @ApiTooManyRequestsResponse({
    description:
      'Too many sign-in attempts from this address, an account whose next attempt must wait, or too many sign-ins at once; see Retry-After',
  })
  async login(
    @Body() body: LoginRequest,
    @Req() request: RequestWithContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    const session = await this.auth.login(body.email, body.password, {
      ip: request.ip ?? null,
      userAgent: request.headers['user-agent'] ?? null,
      requestId: String(request.id ?? ''),
    });
    reply.setCookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: '/',
      expires: new Date(session.expiresAt),
    });
    return session;
  }

  @Post('logout')
  @ApiOperation({ summary: 'Sign out: revoke the current session' })
  @Authenticated(...ALL_ROLES)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session is revoked' })
  async logout(@Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(ctx);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user' })
  @Authenticated(...ALL_ROLES)
  @ApiOkResponse({ type: UserDto })
  me(@Ctx() ctx: RequestContext): Promise<UserDto> {
    return this.users.get(ctx.actor.id);
  }
}
