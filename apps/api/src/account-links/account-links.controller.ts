import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Public } from '../common/access/access.decorators';
import { Ctx, RequestContext, type RequestWithContext } from '../common/request-context/request-context';
import { CreateRoute } from '../common/routes/route.decorators';
import { UserDto } from '../users';
import {
  InviteUserRequest,
  PasswordResetAccepted,
  PasswordResetRequest,
  SetPasswordRequest,
} from './account-links.dto';
import { AccountLinksService } from './account-links.service';

@ApiTags('users')
@Controller('v1')
export class AccountLinksController {
  constructor(private readonly links: AccountLinksService) {}

  @CreateRoute(UserDto, {
    path: 'users/invitations',
    summary: 'Add a user and mail them a one-time link to choose their password',
    roles: ['admin'],
  })
  invite(@Ctx() ctx: RequestContext, @Body() body: InviteUserRequest): Promise<UserDto> {
    return this.links.invite(ctx, body);
  }

  @Post('auth/password-reset')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Mail a one-time link to reset the password of the account with this address, if any',
  })
  @ApiAcceptedResponse({ type: PasswordResetAccepted })
  @ApiTooManyRequestsResponse({
    description:
      'Too many requests for this email address, or from this network address, within the hour; see Retry-After',
  })
  async requestReset(
    @Body() body: PasswordResetRequest,
    @Req() request: RequestWithContext,
  ): Promise<PasswordResetAccepted> {
    await this.links.requestReset(body.email, request.ip ?? null);
    return { message: 'If an account has this address, a link to reset its password is on its way.' };
  }

  @Post('auth/password')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Choose a password with the token of an invitation or reset link' })
  @ApiNoContentResponse({ description: 'The password is set; the link no longer works' })
  async setPassword(@Ctx() ctx: RequestContext, @Body() body: SetPasswordRequest): Promise<void> {
    await this.links.setPassword(ctx.requestId, body.token, body.password);
  }
}
