import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ALL_ROLES, Authenticated } from '../auth/access.decorators';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import {
  CreateOrganizationRequest,
  OrganizationDto,
  OrganizationPage,
  OrganizationQuery,
  UpdateOrganizationRequest,
} from './organizations.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@Controller('v1/organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiOperation({ summary: 'Organizations: UN entities, governments, NGOs, regional bodies' })
  @Authenticated(...ALL_ROLES)
  @ApiOkResponse({ type: OrganizationPage })
  list(@Query() query: OrganizationQuery): Promise<OrganizationPage> {
    return this.organizations.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One organization' })
  @Authenticated(...ALL_ROLES)
  @ApiOkResponse({ type: OrganizationDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<OrganizationDto> {
    return this.organizations.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Add an organization' })
  @Authenticated('admin', 'staff')
  @ApiCreatedResponse({ type: OrganizationDto })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateOrganizationRequest): Promise<OrganizationDto> {
    return this.organizations.create(ctx, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an organization' })
  @Authenticated('admin', 'staff')
  @ApiOkResponse({ type: OrganizationDto })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @ExpectedVersion() version: number,
    @Body() body: UpdateOrganizationRequest,
  ): Promise<OrganizationDto> {
    return this.organizations.update(ctx, id, version, body);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete an organization no project refers to' })
  @Authenticated('admin', 'staff')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted; refused with 409 while projects refer to it' })
  remove(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @ExpectedVersion() version: number,
  ): Promise<void> {
    return this.organizations.remove(ctx, id, version);
  }
}
