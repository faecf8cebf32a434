import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated } from '../common/access/access.decorators';
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

  @ReadRoute(ReviewPage, {
    summary: 'The reviews of a proposal',
    roles: ['admin', 'staff', 'reviewer'],
    description: `Staff and admin: every review and its status, the content of submitted ones only. ${BLIND}`,
  })
  list(
    @Ctx() ctx: RequestContext,
    @UuidParam() projectId: string,
    @Query() query: ProjectReviewsQuery,
  ): Promise<ReviewPage> {
    return this.reviews.listForProject(ctx, projectId, query);
  }

  @CreateRoute(ReviewDto, { summary: 'Assign a reviewer to a proposal', roles: ['admin', 'staff'] })
  @ApiUnprocessableEntityResponse({ description: 'The proposal is not under review' })
  @ApiConflictResponse({ description: 'The reviewer is already assigned to this proposal' })
  assign(
    @Ctx() ctx: RequestContext,
    @UuidParam() projectId: string,
    @Body() body: AssignReviewerRequest,
  ): Promise<ReviewDto> {
    return this.reviews.assign(ctx, projectId, body);
  }

  @RemoveRoute({
    path: ':reviewId',
    summary: 'Take a review back from its reviewer (not once submitted)',
    roles: ['admin', 'staff'],
    description: 'Unassigned',
  })
  @ApiUnprocessableEntityResponse({ description: 'A submitted review cannot be unassigned' })
  unassign(
    @Ctx() ctx: RequestContext,
    @UuidParam() projectId: string,
    @UuidParam('reviewId') id: string,
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

  @ReadRoute(ReviewSummaryPage, {
    summary: 'The reviews awaiting staff, by status',
    roles: ['admin', 'staff'],
    description: 'The staff queue; ?status=declined_conflict lists the declared conflicts',
  })
  list(@Query() query: ReviewQuery): Promise<ReviewSummaryPage> {
    return this.reviews.list(query);
  }

  @ReadRoute(ReviewSummaryPage, {
    path: 'mine',
    summary: "The signed-in reviewer's review queue",
    roles: ['reviewer'],
    description: "The caller's review queue",
  })
  mine(@Ctx() ctx: RequestContext, @Query() query: MyReviewsQuery): Promise<ReviewSummaryPage> {
    return this.reviews.listMine(ctx, query);
  }

  @ReadRoute(ReviewDetailDto, {
    path: ':id',
    summary: 'One review, with the proposal as its reviewer sees it',
    roles: ['admin', 'staff', 'reviewer'],
    description:
      'The review and the proposal as its reviewer needs it; before the conflict declaration, only what is needed to declare.',
  })
  @ApiNotFoundResponse({ description: `Not the caller's review. ${BLIND}` })
  get(@Ctx() ctx: RequestContext, @UuidParam() id: string): Promise<ReviewDetailDto> {
    return this.reviews.get(ctx, id);
  }

  @Post(':id/conflict')
  @ApiOperation({ summary: 'Declare conflicts of interest before the proposal opens' })
  @Authenticated('reviewer')
  @HttpCode(200)
  @ApiOkResponse({
    type: ReviewDto,
    description: 'declared: true withdraws the reviewer (declined_conflict); false opens the proposal',
  })
  @ApiNotFoundResponse({ description: "Not the caller's review" })
  @ApiUnprocessableEntityResponse({ description: 'Conflicts were already declared' })
  @ApiBody({
    type: ConflictDeclarationRequest,
    examples: {
      none: { summary: 'No conflict: the proposal opens', value: { declared: false } },
      conflict: {
        summary: 'A conflict with a country of the proposal: the reviewer is withdrawn',
        value: {
          declared: true,
          countries: ['KEN'],
          note: 'Seconded to the Government of Kenya until 2025.',
        },
      },
    },
  })
  declareConflicts(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion({ optional: true }) version: number | null,
    @Body() body: ConflictDeclarationRequest,
  ): Promise<ReviewDto> {
    return this.reviews.declareConflicts(ctx, id, version, body);
  }

  @ChangeRoute(ReviewDto, {
    summary: 'Save a review draft: scores, justifications, recommendation',
    roles: ['reviewer'],
    description: 'The draft saved; status becomes draft',
  })
  @ApiNotFoundResponse({ description: "Not the caller's review" })
  @ApiUnprocessableEntityResponse({
    description: 'Conflicts not declared yet, a conflict declared, or the review already submitted',
  })
  @ApiBody({
    type: UpdateReviewRequest,
    examples: {
      draft: {
        summary: 'A draft: a field left out keeps its value, null clears it',
        value: {
          version: 3,
          scores: { people_centred: 3, comprehensive: 2 },
          justifications: {
            people_centred: 'Beneficiaries counted and women-led groups named in the design.',
            comprehensive: 'Health and food security linked; only one participating agency.',
          },
          recommendation: 'revise',
        },
      },
    },
  })
  update(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
    @Body() body: UpdateReviewRequest,
  ): Promise<ReviewDto> {
    return this.reviews.update(ctx, id, version, body);
  }

  @Post(':id/submit')
  @ApiOperation({ summary: 'Submit a review (final)' })
  @Authenticated('reviewer')
  @HttpCode(200)
  @ApiOkResponse({ type: ReviewDto, description: 'Submitted: final' })
  @ApiNotFoundResponse({ description: "Not the caller's review" })
  @ApiUnprocessableEntityResponse({
    description: 'Incomplete (every missing item is listed), or not allowed',
  })
  submit(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
    @Body() _body: SubmitReviewRequest,
  ): Promise<ReviewDto> {
    return this.reviews.submit(ctx, id, version);
  }
}
