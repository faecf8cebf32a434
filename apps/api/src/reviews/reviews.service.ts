import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  assignmentRefusal,
  conflictDeclarationProblems,
  describeConflictDeclarationProblem,
  describeSubmissionGap,
  PRINCIPLE_IDS,
  reviewActionRefusal,
  submissionGaps,
} from '@hstf/domain';
import type { ReviewAction } from '@hstf/domain';
import { AuditService } from '../audit';
import { lockForUpdate, updateVersioned } from '../common/concurrency/versioned-update';
import { decodeCursor, limitOf, Page, toPage } from '../common/pagination/pagination';
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
  scoreColumn,
  scoresOf,
  justificationsOf,
  SELECT_REVIEWS,
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

const ENTITY = 'review';

interface SummaryRow {
  id: string;
  status: ReviewSummaryDto['status'];
  conflict_declared: boolean | null;
  reviewer_id: string;
  reviewer_name: string;
  project_id: string;
  code: string;
  title: string;
  stage: Stage;
  countries: string[];
  lead_organization: string | null;
  submitted_at: Date | null;
  version: number;
  updated_at: Date;
}

/** A queue of reviews with their proposals, ordered by project code (keyset on code, id). */
const SELECT_SUMMARIES = `
  SELECT r.id, r.status, r.conflict_declared, r.reviewer_id, u.name AS reviewer_name, r.project_id,
         p.code, p.title, p.stage, p.country_codes AS countries,
         (SELECT coalesce(o.acronym, o.name) FROM organizations o WHERE o.id = p.lead_organization_id)
           AS lead_organization,
         r.submitted_at, r.version, r.updated_at
  FROM reviews r
  JOIN users u ON u.id = r.reviewer_id
  JOIN projects p ON p.id = r.project_id AND p.deleted_at IS NULL`;

@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  // Staff: assigning and unassigning reviewers.

  async assign(ctx: RequestContext, projectId: string, request: AssignReviewerRequest): Promise<ReviewDto> {
    return this.dataSource.transaction(async (manager) => {
      const project = await projectWithReviewsFor(manager, ctx, projectId, true);
      const [reviewer] = await manager.query<{ role: string; active: boolean }[]>(
        `SELECT role, active FROM users WHERE id = $1`,
        [request.reviewerId],
      );
      if (!reviewer || reviewer.role !== 'reviewer' || !reviewer.active) {
        throw Problem.validation([{ field: 'reviewerId', message: 'is not an active reviewer' }]);
      }
      const refusal = assignmentRefusal(project.stage);
      if (refusal) throw refused(refusal);
      const [inserted] = await manager.query<{ id: string }[]>(
        `INSERT INTO reviews (project_id, reviewer_id, assigned_by) VALUES ($1, $2, $3)
         ON CONFLICT ON CONSTRAINT uq_reviews_project_reviewer DO NOTHING RETURNING id`,
        [projectId, request.reviewerId, ctx.actor.id],
      );
      if (!inserted) {
        throw Problem.conflict('duplicate-review', 'This reviewer is already assigned to this proposal.', {
          errors: [{ field: 'reviewerId', message: 'is already assigned to this proposal' }],
        });
      }
      const created = await this.readRow(manager, inserted.id);
      await this.audit.record(manager, ctx, {
        action: 'create',
        entity: ENTITY,
        entityId: created.id,
        before: null,
        after: auditViewOf(created),
      });
      return toReviewDto(created, contentVisibleTo(ctx, created));
    });
  }

  async unassign(ctx: RequestContext, projectId: string, id: string, expectedVersion: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const project = await projectWithReviewsFor(manager, ctx, projectId, true);
      const locked = await lockForUpdate<ReviewRow>(manager, 'reviews', ENTITY, id);
      if (locked.project_id !== projectId) throw Problem.notFound('The review');
      if (locked.version !== expectedVersion) {
        throw Problem.staleVersion(ENTITY, expectedVersion, locked.version);
      }
      this.assertAllowed(locked, project.stage, 'unassign');
      const before = await this.readRow(manager, id);
      await manager.query(`DELETE FROM reviews WHERE id = $1`, [id]);
      await this.audit.record(manager, ctx, {
        action: 'delete',
        entity: ENTITY,
        entityId: id,
        before: auditViewOf(before),
        after: null,
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
    await projectWithReviewsFor(this.dataSource.manager, ctx, projectId);
    const limit = limitOf(query);
    const params: unknown[] = [projectId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = ['r.project_id = $1'];
    if (!seesAllReviews(ctx)) {
      const me = param(ctx.actor.id);
      where.push(`(r.reviewer_id = ${me} OR r.status = 'submitted')`);
      where.push(`EXISTS (SELECT 1 FROM reviews mine WHERE mine.project_id = r.project_id
                            AND mine.reviewer_id = ${me} AND mine.status = 'submitted')`);
    }
    if (query.status) where.push(`r.status = ${param(query.status)}`);
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor) where.push(`(u.name, r.id) > (${param(cursor[0])}, ${param(cursor[1])}::uuid)`);
    const rows = await this.dataSource.query<ReviewRow[]>(
      `${SELECT_REVIEWS} WHERE ${where.join(' AND ')} ORDER BY u.name, r.id LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = toPage(rows, limit, (row) => [row.reviewer_name, row.id]);
    return { ...page, items: page.items.map((row) => toReviewDto(row, contentVisibleTo(ctx, row))) };
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
    const [row] = await this.dataSource.query<ReviewRow[]>(
      `${SELECT_REVIEWS}
       WHERE r.id = $1
         AND ($3::boolean OR r.reviewer_id = $2
              OR (r.status = 'submitted' AND EXISTS (
                    SELECT 1 FROM reviews mine WHERE mine.project_id = r.project_id
                      AND mine.reviewer_id = $2 AND mine.status = 'submitted')))`,
      [id, ctx.actor.id, seesAllReviews(ctx)],
    );
    if (!row) throw Problem.notFound('The review');
    const proposal = await readProposal(this.dataSource.manager, row.project_id);
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
      const [parties] = await manager.query<{ organization_ids: string[]; countries: string[] }[]>(
        `SELECT ARRAY(SELECT organization_id::text FROM project_organizations WHERE project_id = p.id
                      UNION SELECT lead_organization_id::text WHERE lead_organization_id IS NOT NULL) AS organization_ids,
                ARRAY(SELECT country_iso3::text FROM project_countries WHERE project_id = p.id) AS countries
         FROM projects p WHERE p.id = $1`,
        [current.project_id],
      );
      const declaration = {
        declared: request.declared,
        organizationIds: request.organizationIds ?? [],
        countries: request.countries ?? [],
        note: request.note ? request.note : null,
      };
      const problems = conflictDeclarationProblems(declaration, {
        organizationIds: parties!.organization_ids,
        countries: parties!.countries,
      });
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
    const limit = limitOf(query);
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (query.reviewerId) where.push(`r.reviewer_id = ${param(query.reviewerId)}`);
    if (query.projectId) where.push(`r.project_id = ${param(query.projectId)}`);
    if (query.status) where.push(`r.status = ${param(query.status)}`);
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor) where.push(`(p.code, r.id) > (${param(cursor[0])}, ${param(cursor[1])}::uuid)`);
    const rows = await this.dataSource.query<SummaryRow[]>(
      `${SELECT_SUMMARIES} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY p.code, r.id LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = toPage(rows, limit, (row) => [row.code, row.id]);
    return {
      ...page,
      items: page.items.map((row) => ({
        id: row.id,
        status: row.status,
        conflictDeclared: row.conflict_declared,
        reviewerId: row.reviewer_id,
        reviewerName: row.reviewer_name,
        projectId: row.project_id,
        code: row.code,
        title: row.title,
        stage: row.stage,
        countries: row.countries,
        leadOrganization: row.lead_organization,
        submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
        version: row.version,
        updatedAt: new Date(row.updated_at).toISOString(),
      })),
    };
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
    const [own] = await manager.query<{ project_id: string }[]>(
      `SELECT project_id FROM reviews WHERE id = $1 AND reviewer_id = $2`,
      [id, ctx.actor.id],
    );
    if (!own) throw Problem.notFound('The review');
    const [project] = await manager.query<{ stage: Stage }[]>(
      `SELECT stage FROM projects WHERE id = $1 AND deleted_at IS NULL FOR SHARE`,
      [own.project_id],
    );
    if (!project) throw Problem.notFound('The review');
    const locked = await lockForUpdate<ReviewRow>(manager, 'reviews', ENTITY, id);
    if (expectedVersion !== null && locked.version !== expectedVersion) {
      throw Problem.staleVersion(ENTITY, expectedVersion, locked.version);
    }
    return { current: await this.readRow(manager, id), stage: project.stage };
  }

  private assertAllowed(
    review: Pick<ReviewRow, 'status' | 'conflict_declared'>,
    stage: Stage,
    action: ReviewAction,
  ): void {
    const refusal = reviewActionRefusal(
      { status: review.status, conflictDeclared: review.conflict_declared, proposalStage: stage },
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
    await this.audit.record(manager, ctx, {
      action: 'update',
      entity: ENTITY,
      entityId: before.id,
      before: auditViewOf(before),
      after: auditViewOf(after),
    });
    return toReviewDto(after, contentVisibleTo(ctx, after));
  }

  private async readRow(manager: EntityManager, id: string): Promise<ReviewRow> {
    const [row] = await manager.query<ReviewRow[]>(`${SELECT_REVIEWS} WHERE r.id = $1`, [id]);
    if (!row) throw Problem.notFound('The review');
    return row;
  }
}
