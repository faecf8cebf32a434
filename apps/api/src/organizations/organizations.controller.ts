import { Body, Controller, Query, Req, StreamableFile, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ALL_ROLES } from '../common/access/access.decorators';
import { ExportableListResponse, isFileExport } from '../common/export/export-format';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import {
  ChangeRoute,
  CreateRoute,
  ReadRoute,
  RemoveRoute,
  UuidParam,
} from '../common/routes/route.decorators';
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

  @ExportableListResponse(OrganizationPage)
  @ReadRoute(OrganizationPage, {
    summary: 'Organizations: UN entities, governments, NGOs, regional bodies; or all of them as CSV or Excel',
    roles: ALL_ROLES,
  })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: OrganizationQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrganizationPage | StreamableFile> {
    if (isFileExport(query)) return Promise.resolve(this.organizations.export(request, reply, query));
    return this.organizations.list(ctx, query);
  }

  @ReadRoute(OrganizationDto, {
    path: ':id',
    summary: 'One organization (its contact only for admins and staff; null for the others)',
    roles: ALL_ROLES,
  })
  get(@Ctx() ctx: RequestContext, @UuidParam() id: string): Promise<OrganizationDto> {
    return this.organizations.get(ctx, id);
  }

  @CreateRoute(OrganizationDto, { summary: 'Add an organization', roles: ['admin', 'staff'] })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateOrganizationRequest): Promise<OrganizationDto> {
    return this.organizations.create(ctx, body);
  }

  @ChangeRoute(OrganizationDto, { summary: 'Change an organization', roles: ['admin', 'staff'] })
  update(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
    @Body() body: UpdateOrganizationRequest,
  ): Promise<OrganizationDto> {
    return this.organizations.update(ctx, id, version, body);
  }

  @RemoveRoute({
    summary: 'Delete an organization no project refers to',
    roles: ['admin', 'staff'],
    description: 'Deleted; refused with 409 while projects refer to it',
  })
  remove(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
  ): Promise<void> {
    return this.organizations.remove(ctx, id, version);
  }
}
