import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  assignmentRefusal,
  assignmentRound,
  conflictDeclarationProblems,
  dueDateRefusal,
  reviewDueDate,
  describeConflictDeclarationProblem,
  describeSubmissionGap,
  PRINCIPLE_IDS,
  reviewActionRefusal,
  submissionGaps,
} from '@hstf/domain';
import type { ReviewAction } from '@hstf/domain';
import { AuditService } from '../audit';
import { lockForUpdate, removeVersioned, updateVersioned } from '../common/concurrency/versioned-update';
import { limitOf, Page, pageOf } from '../common/pagination/pagination';
import { Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import type { Stage } from '../projects';
import { readProposal, toProposalDto } from './proposal-for-review';
import { projectWithReviewsFor, refused, seesAllReviews } from './review-access';
import {
  auditViewOf,
  contentOf,
  contentVisibleTo,
  justificationColumn,
  ReviewRow,
  roundsOf,
  scoreColumn,
  scoresOf,
  justificationsOf,
  toReviewDto,
} from './review-rows';
import {
  AssignReviewerRequest,
  ConflictDeclarationRequest,
  MyReviewsQuery,
  ProjectReviewsQuery,
  ReviewDetailDto,
  ReviewDto,
  ReviewQuery,
  ReviewSummaryDto,
  UpdateReviewRequest,
} from './reviews.dto';
import { ReviewsRepository, toSummaryDto } from './reviews.repository';
import { AssessmentRepository } from './assessment.repository';

const ENTITY = 'review';

@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ReviewsRepository,
    private readonly assessment: AssessmentRepository,
    private readonly audit: AuditService,
  ) {}

  // Staff: assigning and unassigning reviewers.

  async assign(ctx: RequestContext, projectId: string, request: AssignReviewerRequest): Promise<ReviewDto> {
    return this.dataSource.transaction(async (manager) => {
      const project = await projectWithReviewsFor(this.repository, manager, ctx, projectId, true);
      const reviewer = await this.repository.account(manager, request.reviewerId);
      if (!reviewer || reviewer.role !== 'reviewer' || !reviewer.active) {
        throw Problem.validation([{ field: 'reviewerId', message: 'is not an active reviewer' }]);
      }
      const refusal = assignmentRefusal(project.stage);
      if (refusal) throw refused(refusal);
      const today = new Date().toISOString().slice(0, 10);
      if (request.dueOn && dueDateRefusal(request.dueOn, today)) {
        throw Problem.validation([{ field: 'dueOn', message: `must not be before today (${today})` }]);
      }
      const round = assignmentRound(roundsOf(await this.repository.rounds(manager, projectId, true)));
      if (round.opens) await this.repository.openRound(manager, projectId, round.number);
      const { review_due_days: dueDays } = await this.assessment.settings(manager);
      const inserted = await this.repository.insert(manager, {
        projectId,
        round: round.number,
        reviewerId: request.reviewerId,
        assignedBy: ctx.actor.id,
        dueOn: request.dueOn ?? reviewDueDate(today, dueDays),
      });
      if (!inserted) {
        throw Problem.conflict(
          'duplicate-review',
          `This reviewer is already assigned to round ${round.number} of this proposal.`,
          { errors: [{ field: 'reviewerId', message: 'is already assigned to this round of the proposal' }] },
        );
      }
      const created = await this.readRow(manager, inserted);
      await this.audit.recordCreation(manager, ctx, ENTITY, auditViewOf(created));
      return toReviewDto(created, contentVisibleTo(ctx, created));
    });
  }

  async unassign(ctx: RequestContext, projectId: string, id: string, expectedVersion: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const project = await projectWithReviewsFor(this.repository, manager, ctx, projectId, true);
      await removeVersioned<ReviewRow, ReviewDto>(manager, this.audit, ctx, {
        table: 'reviews',
        entityLabel: ENTITY,
        id,
        expectedVersion,
        absent: (row) => row.project_id !== projectId,
        read: async () => auditViewOf(await this.readRow(manager, id)),
        remove: async () => {
          this.assertAllowed(await this.readRow(manager, id), project.stage, 'unassign');
          await this.repository.delete(manager, id);
        },
      });
    });
  }

  // Reading.

  /**
   * A project's reviews: staff and admins see every review and its status (the content of the
   * submitted ones only); a reviewer, once their own is submitted, sees theirs and the other
   * submitted ones. The blind rule is in the query as well as in the gate before it.
   */
  async listForProject(
    ctx: RequestContext,
    projectId: string,
    query: ProjectReviewsQuery,
  ): Promise<Page<ReviewDto>> {
    await projectWithReviewsFor(this.repository, this.dataSource.manager, ctx, projectId);
    const readerId = seesAllReviews(ctx) ? null : ctx.actor.id;
    const rows = await this.repository.listForProject(projectId, readerId, query, limitOf(query));
    return pageOf(
      rows,
      query,
      (row) => [-row.round, row.reviewer_name, row.id],
      (row) => toReviewDto(row, contentVisibleTo(ctx, row)),
    );
  }

  /** The reviewer's own queue. */
  async listMine(ctx: RequestContext, query: MyReviewsQuery): Promise<Page<ReviewSummaryDto>> {
    return this.summaries({ ...query, reviewerId: ctx.actor.id });
  }

  /** The staff queue: every review, by status (declined_conflict: the conflicts to act on), project or reviewer. */
  async list(query: ReviewQuery): Promise<Page<ReviewSummaryDto>> {
    return this.summaries(query);
  }

  async get(ctx: RequestContext, id: string): Promise<ReviewDetailDto> {
    const row = await this.repository.readable(id, ctx.actor.id, seesAllReviews(ctx));
    if (!row) throw Problem.notFound('The review');
    const proposal = await readProposal(this.repository, this.dataSource.manager, row.project_id);
    // The proposal opens to its reviewer once they declared no conflict; a reviewer reading another's
    // submitted review has submitted their own, so it is open to them too.
    const open = seesAllReviews(ctx) || row.reviewer_id !== ctx.actor.id || row.conflict_declared === false;
    return {
      review: toReviewDto(row, contentVisibleTo(ctx, row)),
      proposal: toProposalDto(proposal, open),
    };
  }

  // The reviewer's own writes.

  async declareConflicts(
    ctx: RequestContext,
    id: string,
    expectedVersion: number | null,
    request: ConflictDeclarationRequest,
  ): Promise<ReviewDto> {
    return this.dataSource.transaction(async (manager) => {
      const { current, stage } = await this.lockOwn(manager, ctx, id, expectedVersion);
      this.assertAllowed(current, stage, 'declare_conflicts');
      const parties = await this.repository.parties(manager, current.project_id);
      const declaration = {
        declared: request.declared,
        organizationIds: request.organizationIds ?? [],
        countries: request.countries ?? [],
        note: request.note ? request.note : null,
      };
      const problems = conflictDeclarationProblems(declaration, parties);
      if (problems.length) {
        throw Problem.validation(
          problems.map((problem) => ({
            field: problem.field,
            message: describeConflictDeclarationProblem(problem),
          })),
        );
      }
      await updateVersioned(manager, {
        table: 'reviews',
        entityLabel: ENTITY,
        id,
        expectedVersion: current.version,
        set: {
          conflict_declared: declaration.declared,
          conflict_organization_ids: declaration.organizationIds,
          conflict_countries: declaration.countries,
          conflict_note: declaration.note,
          declared_at: new Date(),
          // A declared conflict withdraws the reviewer; otherwise the review stays assigned until a draft.
          status: declaration.declared ? 'declined_conflict' : current.status,
        },
      });
      return this.recordUpdate(manager, ctx, current);
    });
  }

  /** Saves a draft: any subset of scores, justifications and recommendation. */
  async update(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    request: UpdateReviewRequest,
  ): Promise<ReviewDto> {
    return this.dataSource.transaction(async (manager) => {
      const { current, stage } = await this.lockOwn(manager, ctx, id, expectedVersion);
      this.assertAllowed(current, stage, 'edit_draft');
      const scores = scoresOf(current);
      const justifications = justificationsOf(current);
      const set: Record<string, unknown> = {};
      for (const principle of PRINCIPLE_IDS) {
        const score = request.scores?.[principle];
        if (score !== undefined && score !== scores[principle]) set[scoreColumn(principle)] = score;
        const given = request.justifications?.[principle];
        // Blank is no justification: stored as none, so the submission names it as missing.
        const justification = given === '' ? null : given;
        if (justification !== undefined && justification !== justifications[principle]) {
          set[justificationColumn(principle)] = justification;
        }
      }
      if (request.recommendation !== undefined && request.recommendation !== current.recommendation) {
        set.recommendation = request.recommendation;
      }
      // A change that changes nothing writes nothing: no new version, no audit entry.
      if (Object.keys(set).length === 0) return toReviewDto(current, true);
      set.status = 'draft';
      await updateVersioned(manager, { table: 'reviews', entityLabel: ENTITY, id, expectedVersion, set });
      return this.recordUpdate(manager, ctx, current);
    });
  }

  /** Submits the review: complete or refused with everything missing; final once submitted. */
  async submit(ctx: RequestContext, id: string, expectedVersion: number): Promise<ReviewDto> {
    return this.dataSource.transaction(async (manager) => {
      const { current, stage } = await this.lockOwn(manager, ctx, id, expectedVersion);
      this.assertAllowed(current, stage, 'submit');
      const gaps = submissionGaps(contentOf(current));
      if (gaps.length) {
        throw new Problem(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'review-incomplete',
          'The review is incomplete',
          `The review cannot be submitted yet: ${gaps.map(describeSubmissionGap).join(' ')}`,
          {
            missing: gaps,
            errors: gaps.map((gap) => ({
              field:
                gap.code === 'score_missing'
                  ? `scores.${gap.facts.principle}`
                  : gap.code === 'justification_missing'
                    ? `justifications.${gap.facts.principle}`
                    : 'recommendation',
              message: describeSubmissionGap(gap),
            })),
          },
        );
      }
      await updateVersioned(manager, {
        table: 'reviews',
        entityLabel: ENTITY,
        id,
        expectedVersion,
        set: { status: 'submitted', submitted_at: new Date() },
      });
      return this.recordUpdate(manager, ctx, current);
    });
  }

  private async summaries(query: ReviewQuery): Promise<Page<ReviewSummaryDto>> {
    const rows = await this.repository.summaries(query, limitOf(query));
    return pageOf(rows, query, (row) => [row.code, row.id], toSummaryDto);
  }

  /**
   * The caller's own review, locked for the change, with its proposal's stage (the project row held
   * FOR SHARE so the stage cannot change under the write). Another reviewer's review is 404; a stale
   * version 409 before anything else.
   */
  private async lockOwn(
    manager: EntityManager,
    ctx: RequestContext,
    id: string,
    expectedVersion: number | null,
  ): Promise<{ current: ReviewRow; stage: Stage }> {
    const projectId = await this.repository.projectOfOwn(manager, id, ctx.actor.id);
    if (!projectId) throw Problem.notFound('The review');
    const stage = await this.repository.stageForShare(manager, projectId);
    if (!stage) throw Problem.notFound('The review');
    const locked = await lockForUpdate<ReviewRow>(manager, 'reviews', ENTITY, id);
    if (expectedVersion !== null && locked.version !== expectedVersion) {
      throw Problem.staleVersion(ENTITY, expectedVersion, locked.version);
    }
    return { current: await this.readRow(manager, id), stage };
  }

  private assertAllowed(
    review: Pick<ReviewRow, 'status' | 'conflict_declared' | 'round' | 'latest_round'>,
    stage: Stage,
    action: ReviewAction,
  ): void {
    const refusal = reviewActionRefusal(
      {
        status: review.status,
        conflictDeclared: review.conflict_declared,
        proposalStage: stage,
        ...(review.round === review.latest_round ? {} : { earlierRound: review.round }),
      },
      action,
    );
    if (refusal) throw refused(refusal);
  }

  /** Reads the review after a change and writes its one audit entry. */
  private async recordUpdate(
    manager: EntityManager,
    ctx: RequestContext,
    before: ReviewRow,
  ): Promise<ReviewDto> {
    const after = await this.readRow(manager, before.id);
    await this.audit.recordUpdate(manager, ctx, {
      entity: ENTITY,
      entityId: before.id,
      before: auditViewOf(before),
      after: auditViewOf(after),
    });
    return toReviewDto(after, contentVisibleTo(ctx, after));
  }

  private async readRow(manager: EntityManager, id: string): Promise<ReviewRow> {
    const row = await this.repository.get(manager, id);
    if (!row) throw Problem.notFound('The review');
    return row;
  }
}
