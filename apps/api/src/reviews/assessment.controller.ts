import { Body, Controller, Param, PipeTransform, Put, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { isPrincipleId, PRINCIPLE_IDS } from '@hstf/domain';
import type { PrincipleId } from '@hstf/domain';
import { Authenticated } from '../common/access/access.decorators';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { Problem } from '../common/problem-details/problem';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { ChangeRoute, ReadRoute, UuidParam } from '../common/routes/route.decorators';
import {
  AssessmentDto,
  AssessmentQuery,
  AssessmentSettingsDto,
  ModerationNoteDto,
  ModerationNoteList,
  ModerationNoteRequest,
  UpdateAssessmentSettingsRequest,
} from './assessment.dto';
import { AssessmentService } from './assessment.service';

class ParsePrinciplePipe implements PipeTransform<string, PrincipleId> {
  transform(value: string): PrincipleId {
    if (!isPrincipleId(value)) {
      throw Problem.validation([
        { field: 'principle', message: `must be one of ${PRINCIPLE_IDS.join(', ')}` },
      ]);
    }
    return value;
  }
}

/** The assessment of a proposal and its moderation notes. Donors: 403. */
@ApiTags('assessment')
@ApiNotFoundResponse({
  description:
    'The project does not exist; or the caller is a reviewer whose own review of it is not submitted',
})
@Controller('v1/projects/:id')
export class ProjectAssessmentController {
  constructor(private readonly assessments: AssessmentService) {}

  @ReadRoute(AssessmentDto, {
    path: 'assessment',
    summary: 'The assessment of a proposal against the five principles',
    roles: ['admin', 'staff', 'reviewer'],
    description:
      'The latest review round, the only one that counts; staff may ask for an earlier round (?round=), read-only',
  })
  assessment(
    @Ctx() ctx: RequestContext,
    @UuidParam() projectId: string,
    @Query() query: AssessmentQuery,
  ): Promise<AssessmentDto> {
    return this.assessments.assessment(ctx, projectId, query.round);
  }

  @ReadRoute(ModerationNoteList, {
    path: 'moderation-notes',
    summary: "The staff's moderation notes of a proposal, one per principle",
    roles: ['admin', 'staff', 'reviewer'],
    description: 'In principle order',
  })
  async notes(@Ctx() ctx: RequestContext, @UuidParam() projectId: string): Promise<ModerationNoteList> {
    return { items: await this.assessments.listNotes(ctx, projectId) };
  }

  @Put('moderation-notes/:principle')
  @ApiOperation({ summary: 'Record or change the moderation note of one principle' })
  @Authenticated('admin', 'staff')
  @ApiParam({ name: 'principle', enum: PRINCIPLE_IDS })
  @ApiCreatedResponse({ type: ModerationNoteDto, description: 'Recorded' })
  @ApiOkResponse({ type: ModerationNoteDto, description: 'Changed (send the version read)' })
  async putNote(
    @Ctx() ctx: RequestContext,
    @UuidParam() projectId: string,
    @Param('principle', ParsePrinciplePipe) principle: PrincipleId,
    @ExpectedVersion({ optional: true }) version: number | null,
    @Body() body: ModerationNoteRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ModerationNoteDto> {
    const { note, created } = await this.assessments.putNote(ctx, projectId, principle, version, body);
    reply.status(created ? 201 : 200);
    return note;
  }
}

@ApiTags('assessment')
@Controller('v1/assessment-settings')
export class AssessmentSettingsController {
  constructor(private readonly assessments: AssessmentService) {}

  @ReadRoute(AssessmentSettingsDto, {
    summary: 'The thresholds an assessment must reach to pass',
    roles: ['admin', 'staff'],
  })
  get(): Promise<AssessmentSettingsDto> {
    return this.assessments.settings();
  }

  @ChangeRoute(AssessmentSettingsDto, {
    path: '',
    summary: 'Change the thresholds an assessment must reach to pass',
    roles: ['admin'],
  })
  update(
    @Ctx() ctx: RequestContext,
    @ExpectedVersion() version: number,
    @Body() body: UpdateAssessmentSettingsRequest,
  ): Promise<AssessmentSettingsDto> {
    return this.assessments.updateSettings(ctx, version, body);
  }
}
