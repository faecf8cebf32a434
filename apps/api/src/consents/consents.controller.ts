import { Body, Controller, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ALL_ROLES } from '../common/access/access.decorators';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { PageQuery } from '../common/pagination/pagination';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { ChangeRoute, CreateRoute, ReadRoute, UuidParam } from '../common/routes/route.decorators';
import {
  ConsentDto,
  ConsentEventPage,
  ConsentPage,
  ConsentQuery,
  CreateConsentRequest,
  UpdateConsentRequest,
} from './consents.dto';
import { ConsentsService } from './consents.service';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { exportAllPages } from '../common/export/all-pages';
import { ExportableListResponse, isFileExport } from '../common/export/export-format';
import { consentExportColumns } from './consent-export';

@ApiTags('consents')
@ApiNotFoundResponse({ description: 'The project does not exist or was deleted' })
@Controller('v1/projects/:id/consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @ExportableListResponse(ConsentPage)
  @ReadRoute(ConsentPage, {
    summary: "A project's consent records of its recipient States; or all of them as CSV or Excel",
    roles: ALL_ROLES,
    description: 'Reviewers and donors receive the status fields only, in the files too',
  })
  list(
    @Ctx() ctx: RequestContext,
    @UuidParam() projectId: string,
    @Query() query: ConsentQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConsentPage | StreamableFile> {
    if (isFileExport(query)) {
      return exportAllPages(request, reply, {
        name: 'consents',
        format: query.format,
        columns: consentExportColumns(ctx.actor.role),
        page: (cursor, limit) => this.consents.list(ctx, projectId, { ...query, cursor, limit }),
      });
    }
    return this.consents.list(ctx, projectId, query);
  }

  @ReadRoute(ConsentDto, {
    path: ':consentId',
    summary: 'One consent record of a project',
    roles: ALL_ROLES,
    description: 'Reviewers and donors receive the status fields only',
  })
  get(
    @Ctx() ctx: RequestContext,
    @UuidParam() projectId: string,
    @UuidParam('consentId') id: string,
  ): Promise<ConsentDto> {
    return this.consents.get(ctx, projectId, id);
  }

  @ReadRoute(ConsentEventPage, {
    path: ':consentId/history',
    summary: 'Every change to a consent record, oldest first',
    roles: ALL_ROLES,
    description: 'Every change, oldest first',
  })
  history(
    @Ctx() ctx: RequestContext,
    @UuidParam() projectId: string,
    @UuidParam('consentId') id: string,
    @Query() query: PageQuery,
  ): Promise<ConsentEventPage> {
    return this.consents.history(ctx, projectId, id, query);
  }

  @CreateRoute(ConsentDto, {
    summary: "Record a recipient State's consent (requested, granted or refused)",
    roles: ['admin', 'staff'],
  })
  @ApiBody({
    type: CreateConsentRequest,
    examples: {
      requested: {
        summary: 'Consent asked of the recipient State',
        value: { country: 'KEN', status: 'requested', requestedOn: '2026-01-15' },
      },
      granted: {
        summary: 'Consent already granted, with its authority and document',
        value: {
          country: 'KEN',
          status: 'granted',
          requestedOn: '2026-01-15',
          grantedOn: '2026-02-20',
          validUntil: '2028-12-31',
          issuingOffice: 'Ministry of Foreign Affairs',
          signatory: 'Permanent Secretary',
          documentReference: 'MFA/UN/2026/114',
          scope: 'Turkana and Marsabit counties',
        },
      },
    },
  })
  create(
    @Ctx() ctx: RequestContext,
    @UuidParam() projectId: string,
    @Body() body: CreateConsentRequest,
  ): Promise<ConsentDto> {
    return this.consents.create(ctx, projectId, body);
  }

  @ChangeRoute(ConsentDto, {
    path: ':consentId',
    summary: 'Change a consent record: its status (grant, refuse, withdraw, expire) or its details',
    roles: ['admin', 'staff'],
  })
  @ApiUnprocessableEntityResponse({ description: 'A status change the consent rules do not allow' })
  @ApiBody({
    type: UpdateConsentRequest,
    examples: {
      grant: {
        summary: 'The State grants consent',
        value: {
          version: 1,
          status: 'granted',
          grantedOn: '2026-02-20',
          issuingOffice: 'Ministry of Foreign Affairs',
          signatory: 'Permanent Secretary',
          documentReference: 'MFA/UN/2026/114',
        },
      },
      withdraw: {
        summary: 'The State withdraws consent',
        value: {
          version: 2,
          status: 'withdrawn',
          withdrawnOn: '2026-09-01',
          withdrawalReason: 'Note verbale of 1 September 2026',
        },
      },
    },
  })
  update(
    @Ctx() ctx: RequestContext,
    @UuidParam() projectId: string,
    @UuidParam('consentId') id: string,
    @ExpectedVersion() version: number,
    @Body() body: UpdateConsentRequest,
  ): Promise<ConsentDto> {
    return this.consents.update(ctx, projectId, id, version, body);
  }
}
