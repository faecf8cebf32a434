import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, Authenticated } from '../common/access/access.decorators';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import {
  ComplianceCountsDto,
  ComplianceCountsQuery,
  ComplianceListQuery,
  ComplianceOnQuery,
  CompliancePage,
  ProjectComplianceDto,
} from './compliance.dto';
import { ComplianceService } from './compliance.service';

const PARAGRAPH_6 =
  'For every recipient country: a consent granted on or before the date, not withdrawn, not expired, ' +
  'with an issuing authority and a document reference; and an alignment, with a justification, to a ' +
  "national strategy whose period covers the project's start. compliant: both hold everywhere; pending: " +
  'a consent is requested and nothing is refused or withdrawn; not_requested: a proposal with no consent ' +
  'on file for a country yet; non_compliant: otherwise. A date is judged on the consent records as they ' +
  'stood on it (their history): a withdrawal or expiry after the date does not count against it.';

@ApiTags('compliance')
@Controller('v1/projects/:id/compliance')
export class ProjectComplianceController {
  constructor(private readonly compliance: ComplianceService) {}

  @Get()
  @Authenticated(...ALL_ROLES)
  @ApiOperation({
    summary: 'Resolution 66/290 paragraph 6 for a project on a date, and the paragraph 3 screening',
    description:
      `${PARAGRAPH_6} Reviewers see only the proposals assigned to them; reviewers and donors never ` +
      'receive issuing offices, signatories, document references, scopes or withdrawal reasons.',
  })
  @ApiOkResponse({ type: ProjectComplianceDto })
  @ApiNotFoundResponse({ description: 'No such project, or a reviewer not assigned to it' })
  get(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) projectId: string,
    @Query() query: ComplianceOnQuery,
  ): Promise<ProjectComplianceDto> {
    return this.compliance.forProject(ctx, projectId, query.on);
  }
}

@ApiTags('compliance')
@Controller('v1/compliance')
export class ComplianceController {
  constructor(private readonly compliance: ComplianceService) {}

  @Get('summary')
  @Authenticated('admin', 'staff', 'donor')
  @ApiOperation({
    summary: 'How many proposals under review and approved, active or suspended projects hold each status',
  })
  @ApiOkResponse({ type: ComplianceCountsDto })
  counts(@Query() query: ComplianceCountsQuery): Promise<ComplianceCountsDto> {
    return this.compliance.counts(query.on);
  }

  @Get()
  @Authenticated('admin', 'staff', 'donor')
  @ApiOperation({
    summary: 'Projects by paragraph 6 status on a date, ordered by code',
    description: `${PARAGRAPH_6} Soft-deleted projects are left out.`,
  })
  @ApiOkResponse({ type: CompliancePage })
  list(@Query() query: ComplianceListQuery): Promise<CompliancePage> {
    return this.compliance.list(query);
  }
}
