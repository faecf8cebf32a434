import { Body, Controller, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import {
  ChangeRoute,
  CreateRoute,
  ReadRoute,
  RemoveRoute,
  UuidParam,
} from '../common/routes/route.decorators';
import { CreateDonorRequest, DonorDto, DonorPage, DonorQuery, UpdateDonorRequest } from './donors.dto';
import { DonorsService } from './donors.service';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { exportAllPages } from '../common/export/all-pages';
import { ExportableListResponse, isFileExport } from '../common/export/export-format';
import { DONOR_EXPORT_COLUMNS } from './donor-export';

@ApiTags('donors')
@Controller('v1/donors')
export class DonorsController {
  constructor(private readonly donors: DonorsService) {}

  @ExportableListResponse(DonorPage)
  @ReadRoute(DonorPage, {
    summary:
      "The Fund's donors (public information: donor users read them all); or all of them as CSV or Excel",
    roles: ['admin', 'staff', 'donor'],
  })
  list(
    @Query() query: DonorQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DonorPage | StreamableFile> {
    if (isFileExport(query)) {
      return exportAllPages(request, reply, {
        name: 'donors',
        format: query.format,
        columns: DONOR_EXPORT_COLUMNS,
        page: (cursor, limit) => this.donors.list({ ...query, cursor, limit }),
      });
    }
    return this.donors.list(query);
  }

  @ReadRoute(DonorDto, { path: ':id', summary: 'One donor', roles: ['admin', 'staff', 'donor'] })
  @ApiNotFoundResponse({ description: 'No such donor' })
  get(@UuidParam() id: string): Promise<DonorDto> {
    return this.donors.get(id);
  }

  @CreateRoute(DonorDto, { summary: 'Add a donor', roles: ['admin', 'staff'] })
  @ApiBadRequestResponse({
    description: 'Invalid fields; a Member State needs countryIso3, other kinds none',
  })
  @ApiConflictResponse({ description: 'A donor with this name exists' })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateDonorRequest): Promise<DonorDto> {
    return this.donors.create(ctx, body);
  }

  @ChangeRoute(DonorDto, { summary: 'Change a donor', roles: ['admin', 'staff'] })
  @ApiConflictResponse({ description: 'Stale version, or the name is taken' })
  update(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
    @Body() body: UpdateDonorRequest,
  ): Promise<DonorDto> {
    return this.donors.update(ctx, id, version, body);
  }

  @RemoveRoute({
    summary: 'Delete a donor that has no contributions and no users',
    roles: ['admin', 'staff'],
    description: 'Deleted',
  })
  @ApiConflictResponse({ description: 'Stale version, or the donor has contributions or user accounts' })
  remove(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
  ): Promise<void> {
    return this.donors.remove(ctx, id, version);
  }
}
