import { Body, Controller, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ALL_ROLES } from '../common/access/access.decorators';
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
  CreateNationalStrategyRequest,
  NationalStrategyDto,
  NationalStrategyPage,
  NationalStrategyQuery,
  UpdateNationalStrategyRequest,
} from './strategies.dto';
import { StrategiesService } from './strategies.service';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { exportAllPages } from '../common/export/all-pages';
import { ExportableListResponse, isFileExport } from '../common/export/export-format';
import { STRATEGY_EXPORT_COLUMNS } from './strategy-export';

@ApiTags('national-strategies')
@Controller('v1/national-strategies')
export class NationalStrategiesController {
  constructor(private readonly strategies: StrategiesService) {}

  @ExportableListResponse(NationalStrategyPage)
  @ReadRoute(NationalStrategyPage, {
    summary: 'National strategies and priorities, by country; or all of them as CSV or Excel',
    roles: ALL_ROLES,
  })
  list(
    @Query() query: NationalStrategyQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<NationalStrategyPage | StreamableFile> {
    if (isFileExport(query)) {
      return exportAllPages(request, reply, {
        name: 'national-strategies',
        format: query.format,
        columns: STRATEGY_EXPORT_COLUMNS,
        page: (cursor, limit) => this.strategies.list({ ...query, cursor, limit }),
      });
    }
    return this.strategies.list(query);
  }

  @ReadRoute(NationalStrategyDto, { path: ':id', summary: 'One national strategy', roles: ALL_ROLES })
  get(@UuidParam() id: string): Promise<NationalStrategyDto> {
    return this.strategies.get(id);
  }

  @CreateRoute(NationalStrategyDto, { summary: 'Add a national strategy', roles: ['admin', 'staff'] })
  create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateNationalStrategyRequest,
  ): Promise<NationalStrategyDto> {
    return this.strategies.create(ctx, body);
  }

  @ChangeRoute(NationalStrategyDto, { summary: 'Change a national strategy', roles: ['admin', 'staff'] })
  update(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
    @Body() body: UpdateNationalStrategyRequest,
  ): Promise<NationalStrategyDto> {
    return this.strategies.update(ctx, id, version, body);
  }

  @RemoveRoute({
    summary: 'Delete a national strategy no alignment refers to',
    roles: ['admin', 'staff'],
    description: 'Deleted; refused with 409 while project alignments refer to it',
  })
  remove(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
  ): Promise<void> {
    return this.strategies.remove(ctx, id, version);
  }
}
