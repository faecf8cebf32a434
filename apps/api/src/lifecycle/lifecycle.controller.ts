import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated } from '../common/access/access.decorators';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { PageQuery } from '../common/pagination/pagination';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { UuidParam } from '../common/routes/route.decorators';
import {
  TransitionOptionsDto,
  TransitionPage,
  TransitionRequest,
  TransitionResultDto,
} from './lifecycle.dto';
import { LifecycleService } from './lifecycle.service';

const GATES =
  'to under_review: required fields, a recipient country and a lead organization; to approved: ' +
  'paragraph 6 compliant on the decision date, the assessment passes, disagreements moderated, the ' +
  "approved budget within the Fund's available balance; to active: a first transfer recorded.";

@ApiTags('lifecycle')
@ApiNotFoundResponse({ description: 'The project does not exist or was deleted' })
@Controller('v1/projects/:id')
export class LifecycleController {
  constructor(private readonly lifecycle: LifecycleService) {}

  @Post('transitions')
  @Authenticated('admin', 'staff')
  @ApiOperation({
    summary:
      "Move the project to another stage (a decision), checked against its gates: paragraph 6, the panel's assessment, the Fund's balance",
    description:
      `${GATES} An accepted move changes the stage, records the decision with its note, date, actor ` +
      'and the facts it was checked on, and writes one audit entry, in one transaction. An approval ' +
      "holds the Fund's ledger lock from reading the balance to committing.",
  })
  @ApiCreatedResponse({ type: TransitionResultDto })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({
    description: 'Refused: `failures` holds every failed gate (code, facts, message); nothing is changed',
  })
  @ApiBody({
    type: TransitionRequest,
    examples: {
      submit: {
        summary: 'Send a full proposal to review',
        value: { to: 'under_review', note: 'Complete; opened to the review panel.', version: 7 },
      },
      approve: {
        summary: 'Approve, judged on the date of the decision',
        value: {
          to: 'approved',
          note: 'Approved by the Programme Review Committee on 12 March.',
          decidedOn: '2026-03-12',
          version: 9,
        },
      },
    },
  })
  transition(
    @Ctx() ctx: RequestContext,
    @UuidParam() projectId: string,
    @ExpectedVersion() version: number,
    @Body() body: TransitionRequest,
  ): Promise<TransitionResultDto> {
    return this.lifecycle.transition(ctx, projectId, version, body);
  }

  @Get('transitions/options')
  @Authenticated('admin', 'staff')
  @ApiOperation({
    summary: 'Every move open from the current stage, with whether it would pass now and why not',
    description: GATES,
  })
  @ApiOkResponse({ type: TransitionOptionsDto })
  options(@UuidParam() projectId: string): Promise<TransitionOptionsDto> {
    return this.lifecycle.options(projectId);
  }

  @Get('history')
  @Authenticated('admin', 'staff', 'donor')
  @ApiOperation({
    summary: "The project's transitions, oldest first",
    description:
      'Donors receive the moves and their dates; notes, actors and evidence are for staff and admin.',
  })
  @ApiOkResponse({ type: TransitionPage })
  history(
    @Ctx() ctx: RequestContext,
    @UuidParam() projectId: string,
    @Query() query: PageQuery,
  ): Promise<TransitionPage> {
    return this.lifecycle.history(ctx, projectId, query);
  }
}
