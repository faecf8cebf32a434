import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ALL_ROLES, Authenticated } from '../common/access/access.decorators';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { PageQuery } from '../common/pagination/pagination';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import {
  ConsentDto,
  ConsentEventPage,
  ConsentPage,
  ConsentQuery,
  CreateConsentRequest,
  UpdateConsentRequest,
} from './consents.dto';
import { ConsentsService } from './consents.service';

@ApiTags('consents')
@ApiNotFoundResponse({ description: 'The project does not exist or was deleted' })
@Controller('v1/projects/:id/consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Get()
  @Authenticated(...ALL_ROLES)
  @ApiOkResponse({ type: ConsentPage, description: 'Reviewers and donors receive the status fields only' })
  list(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) projectId: string,
    @Query() query: ConsentQuery,
  ): Promise<ConsentPage> {
    return this.consents.list(ctx, projectId, query);
  }

  @Get(':consentId')
  @Authenticated(...ALL_ROLES)
  @ApiOkResponse({ type: ConsentDto, description: 'Reviewers and donors receive the status fields only' })
  get(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) projectId: string,
    @Param('consentId', ParseUUIDPipe) id: string,
  ): Promise<ConsentDto> {
    return this.consents.get(ctx, projectId, id);
  }

  @Get(':consentId/history')
  @Authenticated(...ALL_ROLES)
  @ApiOkResponse({ type: ConsentEventPage, description: 'Every change, oldest first' })
  history(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) projectId: string,
    @Param('consentId', ParseUUIDPipe) id: string,
    @Query() query: PageQuery,
  ): Promise<ConsentEventPage> {
    return this.consents.history(ctx, projectId, id, query);
  }

  @Post()
  @Authenticated('admin', 'staff')
  @ApiCreatedResponse({ type: ConsentDto })
  create(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) projectId: string,
    @Body() body: CreateConsentRequest,
  ): Promise<ConsentDto> {
    return this.consents.create(ctx, projectId, body);
  }

  @Patch(':consentId')
  @Authenticated('admin', 'staff')
  @ApiOkResponse({ type: ConsentDto })
  @ApiUnprocessableEntityResponse({ description: 'A status change the consent rules do not allow' })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) projectId: string,
    @Param('consentId', ParseUUIDPipe) id: string,
    @ExpectedVersion() version: number,
    @Body() body: UpdateConsentRequest,
  ): Promise<ConsentDto> {
    return this.consents.update(ctx, projectId, id, version, body);
  }
}
