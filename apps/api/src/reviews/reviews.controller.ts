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
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated } from '../common/access/access.decorators';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { OptionalExpectedVersion } from './optional-version';
import {
  AssignReviewerRequest,
  ConflictDeclarationRequest,
  MyReviewsQuery,
  ProjectReviewsQuery,
  ReviewDetailDto,
  ReviewDto,
  ReviewPage,
  ReviewQuery,
  ReviewSummaryPage,
  SubmitReviewRequest,
  UpdateReviewRequest,
} from './reviews.dto';
import { ReviewsService } from './reviews.service';

const BLIND = 'A reviewer sees the reviews of a proposal only once their own is submitted; before that, 404.';

/** Reviews of one proposal: staff assign and unassign; the list follows the blind rule. Donors: 403. */
@ApiTags('reviews')
@ApiNotFoundResponse({ description: 'The project does not exist, or the caller may not see its reviews' })
@Controller('v1/projects/:id/reviews')
export class ProjectReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @Authenticated('admin', 'staff', 'reviewer')
  @ApiOkResponse({
    type: ReviewPage,
    description: `Staff and admin: every review and its status, the content of submitted ones only. ${BLIND}`,
  })
  list(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) projectId: string,
    @Query() query: ProjectReviewsQuery,
  ): Promise<ReviewPage> {
    return this.reviews.listForProject(ctx, projectId, query);
  }

  @Post()
  @Authenticated('admin', 'staff')
  @ApiCreatedResponse({ type: ReviewDto })
  @ApiUnprocessableEntityResponse({ description: 'The proposal is not under review' })
  @ApiConflictResponse({ description: 'The reviewer is already assigned to this proposal' })
  assign(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) projectId: string,
    @Body() body: AssignReviewerRequest,
  ): Promise<ReviewDto> {
    return this.reviews.assign(ctx, projectId, body);
  }

  @Delete(':reviewId')
  @Authenticated('admin', 'staff')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Unassigned' })
  @ApiUnprocessableEntityResponse({ description: 'A submitted review cannot be unassigned' })
  unassign(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) projectId: string,
    @Param('reviewId', ParseUUIDPipe) id: string,
    @ExpectedVersion() version: number,
  ): Promise<void> {
    return this.reviews.unassign(ctx, projectId, id, version);
  }
}

/** The reviewer's own reviews, and the staff queue. */
@ApiTags('reviews')
@Controller('v1/reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @Authenticated('admin', 'staff')
  @ApiOkResponse({
    type: ReviewSummaryPage,
    description: 'The staff queue; ?status=declined_conflict lists the declared conflicts',
  })
  list(@Query() query: ReviewQuery): Promise<ReviewSummaryPage> {
    return this.reviews.list(query);
  }

  @Get('mine')
  @Authenticated('reviewer')
  @ApiOkResponse({ type: ReviewSummaryPage, description: "The caller's review queue" })
  mine(@Ctx() ctx: RequestContext, @Query() query: MyReviewsQuery): Promise<ReviewSummaryPage> {
    return this.reviews.listMine(ctx, query);
  }

  @Get(':id')
  @Authenticated('admin', 'staff', 'reviewer')
  @ApiOkResponse({
    type: ReviewDetailDto,
    description:
      'The review and the proposal as its reviewer needs it; before the conflict declaration, only what is needed to declare.',
  })
  @ApiNotFoundResponse({ description: `Not the caller's review. ${BLIND}` })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<ReviewDetailDto> {
    return this.reviews.get(ctx, id);
  }

  @Post(':id/conflict')
  @Authenticated('reviewer')
  @HttpCode(200)
  @ApiOkResponse({
    type: ReviewDto,
    description: 'declared: true withdraws the reviewer (declined_conflict); false opens the proposal',
  })
  @ApiNotFoundResponse({ description: "Not the caller's review" })
  @ApiUnprocessableEntityResponse({ description: 'Conflicts were already declared' })
  declareConflicts(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @OptionalExpectedVersion() version: number | null,
    @Body() body: ConflictDeclarationRequest,
  ): Promise<ReviewDto> {
    return this.reviews.declareConflicts(ctx, id, version, body);
  }

  @Patch(':id')
  @Authenticated('reviewer')
  @ApiOkResponse({ type: ReviewDto, description: 'The draft saved; status becomes draft' })
  @ApiNotFoundResponse({ description: "Not the caller's review" })
  @ApiUnprocessableEntityResponse({
    description: 'Conflicts not declared yet, a conflict declared, or the review already submitted',
  })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @ExpectedVersion() version: number,
    @Body() body: UpdateReviewRequest,
  ): Promise<ReviewDto> {
    return this.reviews.update(ctx, id, version, body);
  }

  @Post(':id/submit')
  @Authenticated('reviewer')
  @HttpCode(200)
  @ApiOkResponse({ type: ReviewDto, description: 'Submitted: final' })
  @ApiNotFoundResponse({ description: "Not the caller's review" })
  @ApiUnprocessableEntityResponse({
    description: 'Incomplete (every missing item is listed), or not allowed',
  })
  submit(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @ExpectedVersion() version: number,
    @Body() _body: SubmitReviewRequest,
  ): Promise<ReviewDto> {
    return this.reviews.submit(ctx, id, version);
  }
}
