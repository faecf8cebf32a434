import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/access.decorators';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { CreateUserRequest, UpdateUserRequest, UserDto, UserPage, UserQuery } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'The users and their roles' })
  @Authenticated('admin')
  @ApiOkResponse({ type: UserPage })
  list(@Query() query: UserQuery): Promise<UserPage> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user' })
  @Authenticated('admin')
  @ApiOkResponse({ type: UserDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Add a user with a role' })
  @Authenticated('admin')
  @ApiCreatedResponse({ type: UserDto })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateUserRequest): Promise<UserDto> {
    return this.users.create(ctx, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a user's name, role, donor link or password, or deactivate them" })
  @Authenticated('admin')
  @ApiOkResponse({ type: UserDto })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @ExpectedVersion() version: number,
    @Body() body: UpdateUserRequest,
  ): Promise<UserDto> {
    return this.users.update(ctx, id, version, body);
  }
}
