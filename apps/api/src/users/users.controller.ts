import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { ChangeRoute, CreateRoute, ReadRoute, UuidParam } from '../common/routes/route.decorators';
import { CreateUserRequest, UpdateUserRequest, UserDto, UserPage, UserQuery } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ReadRoute(UserPage, { summary: 'The users and their roles', roles: ['admin'] })
  list(@Query() query: UserQuery): Promise<UserPage> {
    return this.users.list(query);
  }

  @ReadRoute(UserDto, { path: ':id', summary: 'One user', roles: ['admin'] })
  get(@UuidParam() id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @CreateRoute(UserDto, { summary: 'Add a user with a role', roles: ['admin'] })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateUserRequest): Promise<UserDto> {
    return this.users.create(ctx, body);
  }

  @ChangeRoute(UserDto, {
    summary: "Change a user's name, role, donor link or password, or deactivate them",
    roles: ['admin'],
  })
  update(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
    @Body() body: UpdateUserRequest,
  ): Promise<UserDto> {
    return this.users.update(ctx, id, version, body);
  }
}
