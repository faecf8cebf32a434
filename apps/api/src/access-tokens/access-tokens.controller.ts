import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ALL_ROLES } from '../common/access/access.decorators';
import { PageQuery } from '../common/pagination/pagination';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { CreateRoute, ReadRoute, RemoveRoute, UuidParam } from '../common/routes/route.decorators';
import { AccessTokenPage, CreateAccessTokenRequest, CreatedAccessTokenDto } from './access-tokens.dto';
import { AccessTokensService } from './access-tokens.service';

@ApiTags('access-tokens')
@Controller('v1/access-tokens')
export class AccessTokensController {
  constructor(private readonly tokens: AccessTokensService) {}

  @ReadRoute(AccessTokenPage, {
    summary: 'My personal access tokens, newest first, without their secrets',
    roles: ALL_ROLES,
  })
  list(@Ctx() ctx: RequestContext, @Query() query: PageQuery): Promise<AccessTokenPage> {
    return this.tokens.list(ctx, query);
  }

  @CreateRoute(CreatedAccessTokenDto, {
    summary:
      'Create a personal access token acting as me (signed in, not with a token); its secret is answered once',
    roles: ALL_ROLES,
  })
  @ApiTooManyRequestsResponse({ description: 'Too many tokens created in the last hour; see Retry-After' })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateAccessTokenRequest): Promise<CreatedAccessTokenDto> {
    return this.tokens.create(ctx, body);
  }

  @RemoveRoute({
    summary: 'Revoke one of my personal access tokens: it stops working at once',
    roles: ALL_ROLES,
  })
  revoke(@Ctx() ctx: RequestContext, @UuidParam() id: string): Promise<void> {
    return this.tokens.revoke(ctx, id);
  }
}
