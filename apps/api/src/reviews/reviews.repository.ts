import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor } from '../common/pagination/pagination';
import type { ReviewStatus } from '@hstf/domain';
import { preparedQuery } from '../database/prepared-query';
import type { Dimension, Stage, VulnerableGroup } from '../projects';
import type { ReviewRow } from './review-rows';
import type { ReviewerDto, ReviewerQuery } from './reviewers.dto';
import type { ProjectReviewsQuery, ReviewQuery, ReviewSummaryDto } from './reviews.dto';

interface SummaryRow {
  id: string;
  round: number;
  current_round: boolean;
  due_on: string;
  status: ReviewSummaryDto['status'];
  conflict_declared: boolean | null;
  reviewer_id: string;
  reviewer_name: string;
  project_id: string;
  code: string;
  title: string;
  title_translations: Record<string, string>;
  stage: Stage;
  countries: string[];
  lead_organization: string | null;
  submitted_at: Date | null;
  version: number;
  updated_at: Date;
}

interface ReviewerRow {
  id: string;
  name: string;
  email: string;
  open_assignments: number;
  submitted_reviews: number;
}

/** A proposal with what the structural indicators need. */
export interface ProposalRow {
  id: string;
  code: string;
  title: string;
  summary: string;
  window: string;
  stage: Stage;
  start_date: Date | string | null;
  end_date: Date | string | null;
  requested_budget: string;
  co_funding: string;
  dimensions: Dimension[];
  target_beneficiaries: number | null;
  vulnerable_groups: VulnerableGroup[];
  sdgs: number[];
  narrative_people_centred: string;
  narrative_comprehensive: string;
  narrative_context_specific: string;
  narrative_prevention_oriented: string;
  narrative_protection_empowerment: string;
  protection_measures: string;
  empowerment_measures: string;
  un_organizations: number;
  countries: { iso3: string; name: string; aligned: boolean }[];
  organizations: {
    organizationId: string;
    name: string;
    acronym: string | null;
    kind: string;
    lead: boolean;
    budgetShare: string;
  }[];
}

/**
 * The proposal with what the structural indicators need, in one statement: its countries (with
 * whether each has an alignment record), its organizations and how many distinct UN entities take
 * part, the lead organization included.
 */
export const PROPOSAL_SQL = `
  SELECT p.id, p.code, p.title, p.summary, p."window" AS window, p.stage, p.start_date, p.end_date,
         p.requested_budget::text AS requested_budget, p.co_funding::text AS co_funding, p.dimensions,
         p.target_beneficiaries, p.vulnerable_groups, p.sdgs, p.narrative_people_centred,
         p.narrative_comprehensive, p.narrative_context_specific, p.narrative_prevention_oriented,
         p.narrative_protection_empowerment, p.protection_measures, p.empowerment_measures,
         (SELECT count(DISTINCT o.id)::int FROM organizations o
           WHERE o.kind = 'un_entity'
             AND (o.id = p.lead_organization_id
                  OR o.id IN (SELECT po.organization_id FROM project_organizations po WHERE po.project_id = p.id))
         ) AS un_organizations,
         coalesce((SELECT json_agg(json_build_object(
             'iso3', c.iso3, 'name', c.name,
             'aligned', EXISTS (SELECT 1 FROM alignments a WHERE a.project_id = p.id AND a.country_iso3 = pc.country_iso3))
             ORDER BY c.iso3)
           FROM project_countries pc JOIN countries c ON c.iso3 = pc.country_iso3
           WHERE pc.project_id = p.id), '[]') AS countries,
         coalesce((SELECT json_agg(json_build_object(
             'organizationId', o.id, 'name', o.name, 'acronym', o.acronym, 'kind', o.kind,
             'lead', o.id = p.lead_organization_id, 'budgetShare', po.budget_share::text)
             ORDER BY o.id = p.lead_organization_id DESC, o.name)
           FROM project_organizations po JOIN organizations o ON o.id = po.organization_id
           WHERE po.project_id = p.id), '[]') AS organizations
  FROM projects p
  WHERE p.id = $1 AND p.deleted_at IS NULL`;

/**
 * The project's latest review round, the one that counts (libs/domain countingRound); null before it
 * was first under review.
 */
export const latestRoundOf = (projectId: string) =>
  `(SELECT max(rr.number) FROM review_rounds rr WHERE rr.project_id = ${projectId})`;

/** A timestamptz: a Date from a row, ISO text from a JSON snapshot (AssessmentSnapshot). */
export type Timestamp = Date | string;

export interface RoundRow {
  id: string;
  project_id: string;
  number: number;
  opened_at: Timestamp;
  closed_at: Timestamp | null;
  version: number;
}

/** Reviews of live projects only: a soft-deleted project's reviews answer 404 like the project. */
export const SELECT_REVIEWS = `
  SELECT r.*, r.due_on::text AS due_on, u.name AS reviewer_name, p.code AS project_code,
         p.title AS project_title, p.stage AS project_stage, ${latestRoundOf('r.project_id')} AS latest_round
  FROM reviews r
  JOIN users u ON u.id = r.reviewer_id
  JOIN projects p ON p.id = r.project_id AND p.deleted_at IS NULL`;

/** A queue of reviews with their proposals, ordered by project code (keyset on code, id). */
const SELECT_SUMMARIES = `
  SELECT r.id, r.round, r.round = ${latestRoundOf('r.project_id')} AS current_round, r.due_on::text,
         r.status, r.conflict_declared, r.reviewer_id, u.name AS reviewer_name, r.project_id,
         p.code, p.title, p.title_translations, p.stage, p.country_codes AS countries,
         (SELECT coalesce(o.acronym, o.name) FROM organizations o WHERE o.id = p.lead_organization_id)
           AS lead_organization,
         r.submitted_at, r.version, r.updated_at
  FROM reviews r
  JOIN users u ON u.id = r.reviewer_id
  JOIN projects p ON p.id = r.project_id AND p.deleted_at IS NULL`;

/**
 * The SQL of reviews and reviewers; ReviewsService and ReviewersService decide, review-rows maps a
 * review, and what each role may read of it.
 */
@Injectable()
export class ReviewsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(manager: EntityManager, id: string): Promise<ReviewRow | undefined> {
    const [row] = await preparedQuery<ReviewRow>(manager, `${SELECT_REVIEWS} WHERE r.id = $1`, [id]);
    return row;
  }

  /**
   * The review, if the reader may read it: all of them (`seesAll`), their own of any round, or, once
   * their own review of the latest round is submitted, the other submitted reviews of that round. A
   * reviewer never reads another's review of an earlier round.
   */
  async readable(id: string, readerId: string, seesAll: boolean): Promise<ReviewRow | undefined> {
    const [row] = await preparedQuery<ReviewRow>(
      this.dataSource,
      `${SELECT_REVIEWS}
       WHERE r.id = $1
         AND ($3::boolean OR r.reviewer_id = $2
              OR (r.status = 'submitted' AND r.round = ${latestRoundOf('r.project_id')} AND EXISTS (
                    SELECT 1 FROM reviews mine WHERE mine.project_id = r.project_id AND mine.round = r.round
                      AND mine.reviewer_id = $2 AND mine.status = 'submitted')))`,
      [id, readerId, seesAll],
    );
    return row;
  }

  /**
   * A project's reviews, latest round first, then by reviewer name; with a `readerId`, only what that
   * reviewer may see (theirs of every round and, once theirs of the latest round is submitted, the
   * submitted ones of that round). One more row than `limit`, for the cursor.
   */
  listForProject(
    projectId: string,
    readerId: string | null,
    query: ProjectReviewsQuery,
    limit: number,
  ): Promise<ReviewRow[]> {
    const params: unknown[] = [projectId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = ['r.project_id = $1'];
    if (readerId !== null) {
      const me = param(readerId);
      where.push(`(r.reviewer_id = ${me} OR (r.status = 'submitted' AND r.round = ${latestRoundOf('r.project_id')}
                   AND EXISTS (SELECT 1 FROM reviews mine WHERE mine.project_id = r.project_id
                                 AND mine.round = r.round AND mine.reviewer_id = ${me}
                                 AND mine.status = 'submitted')))`);
    }
    if (query.status) where.push(`r.status = ${param(query.status)}`);
    if (query.round) where.push(`r.round = ${param(query.round)}`);
    // The keyset runs on (−round, name, id): the latest round first.
    const cursor = decodeCursor(query.cursor, 3);
    if (cursor) {
      where.push(
        `(-r.round, u.name, r.id) > (${param(Number(cursor[0]))}::int, ${param(cursor[1])}, ${param(cursor[2])}::uuid)`,
      );
    }
    return preparedQuery<ReviewRow>(
      this.dataSource,
      `${SELECT_REVIEWS} WHERE ${where.join(' AND ')}
       ORDER BY -r.round, u.name, r.id LIMIT ${param(limit + 1)}`,
      params,
    );
  }

  /** Every review of one round of the project, in the order they were assigned. */
  ofRound(manager: EntityManager, projectId: string, round: number): Promise<ReviewRow[]> {
    return preparedQuery<ReviewRow>(
      manager,
      `${SELECT_REVIEWS} WHERE r.project_id = $1 AND r.round = $2 ORDER BY r.created_at, r.id`,
      [projectId, round],
    );
  }

  /** Every submitted review of a live project, by project, with the rounds of its project. */
  submitted(): Promise<(ReviewRow & { rounds: { number: number; closedAt: string | null }[] })[]> {
    return preparedQuery(
      this.dataSource,
      `SELECT s.*, (SELECT json_agg(json_build_object('number', rr.number, 'closedAt', rr.closed_at))
                    FROM review_rounds rr WHERE rr.project_id = s.project_id) AS rounds
       FROM (${SELECT_REVIEWS} WHERE r.status = 'submitted') s
       ORDER BY s.project_id, s.created_at, s.id`,
    );
  }

  /** The rounds of the project, in order; held FOR UPDATE when `forWrite`. */
  rounds(manager: EntityManager, projectId: string, forWrite = false): Promise<RoundRow[]> {
    return preparedQuery<RoundRow>(
      manager,
      `SELECT id, project_id, number, opened_at, closed_at, version FROM review_rounds
       WHERE project_id = $1 ORDER BY number ${forWrite ? 'FOR UPDATE' : ''}`,
      [projectId],
    );
  }

  async openRound(manager: EntityManager, projectId: string, number: number): Promise<RoundRow> {
    const [row] = await preparedQuery<RoundRow>(
      manager,
      `INSERT INTO review_rounds (project_id, number, opened_at) VALUES ($1, $2, clock_timestamp())
       RETURNING id, project_id, number, opened_at, closed_at, version`,
      [projectId, number],
    );
    return row!;
  }

  async closeRound(manager: EntityManager, projectId: string, number: number): Promise<RoundRow> {
    const [row] = await preparedQuery<RoundRow>(
      manager,
      `UPDATE review_rounds SET closed_at = greatest(clock_timestamp(), opened_at), version = version + 1
       WHERE project_id = $1 AND number = $2 AND closed_at IS NULL
       RETURNING id, project_id, number, opened_at, closed_at, version`,
      [projectId, number],
    );
    return row!;
  }

  /** A queue of reviews by project code; one more row than `limit`, for the next page's cursor. */
  async summaries(query: ReviewQuery, limit: number): Promise<SummaryRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (query.reviewerId) where.push(`r.reviewer_id = ${param(query.reviewerId)}`);
    if (query.projectId) where.push(`r.project_id = ${param(query.projectId)}`);
    if (query.status) where.push(`r.status = ${param(query.status)}`);
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor) where.push(`(p.code, r.id) > (${param(cursor[0])}, ${param(cursor[1])}::uuid)`);
    return preparedQuery<SummaryRow>(
      this.dataSource,
      `${SELECT_SUMMARIES} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY p.code, r.id LIMIT ${param(limit + 1)}`,
      params,
    );
  }

  /**
   * The active reviewer accounts by name, each with its workload. Open means the reviewer still has
   * something to do: declare conflicts, or draft and submit, which the review rules allow only while
   * the proposal is under review; a withdrawal for a conflict is done. Reviews of a soft-deleted
   * project count for nothing, as they answer 404 elsewhere. One more row than `limit`.
   */
  reviewers(query: ReviewerQuery, limit: number): Promise<ReviewerRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [`u.role = 'reviewer'`, `u.active`];
    if (query.q) {
      const pattern = param(`%${query.q.replace(/[\\%_]/g, '\\$&')}%`);
      where.push(`(u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})`);
    }
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor) where.push(`(u.name, u.id) > (${param(cursor[0])}, ${param(cursor[1])}::uuid)`);
    return preparedQuery<ReviewerRow>(
      this.dataSource,
      `SELECT u.id, u.name, u.email,
              count(r.id) FILTER (WHERE r.status IN ('assigned', 'draft') AND p.stage = 'under_review'
                                   AND r.round = ${latestRoundOf('r.project_id')})::int
                AS open_assignments,
              count(r.id) FILTER (WHERE r.status = 'submitted')::int AS submitted_reviews
       FROM users u
       LEFT JOIN (reviews r JOIN projects p ON p.id = r.project_id AND p.deleted_at IS NULL)
         ON r.reviewer_id = u.id
       WHERE ${where.join(' AND ')}
       GROUP BY u.id
       ORDER BY u.name, u.id
       LIMIT ${param(limit + 1)}`,
      params,
    );
  }

  async account(
    manager: EntityManager,
    userId: string,
  ): Promise<{ role: string; active: boolean } | undefined> {
    const [user] = await preparedQuery<{ role: string; active: boolean }>(
      manager,
      `SELECT role, active FROM users WHERE id = $1`,
      [userId],
    );
    return user;
  }

  /** Assigns the reviewer in the round; undefined when they already are in that round. */
  async insert(
    manager: EntityManager,
    assignment: { projectId: string; round: number; reviewerId: string; assignedBy: string; dueOn: string },
  ): Promise<string | undefined> {
    const [inserted] = await preparedQuery<{ id: string }>(
      manager,
      `INSERT INTO reviews (project_id, round, reviewer_id, assigned_by, due_on) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ON CONSTRAINT uq_reviews_round_reviewer DO NOTHING RETURNING id`,
      [
        assignment.projectId,
        assignment.round,
        assignment.reviewerId,
        assignment.assignedBy,
        assignment.dueOn,
      ],
    );
    return inserted?.id;
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await preparedQuery(manager, `DELETE FROM reviews WHERE id = $1`, [id]);
  }

  /** The project of the reviewer's own review; undefined when the review is not theirs. */
  async projectOfOwn(manager: EntityManager, id: string, reviewerId: string): Promise<string | undefined> {
    const [own] = await preparedQuery<{ project_id: string }>(
      manager,
      `SELECT project_id FROM reviews WHERE id = $1 AND reviewer_id = $2`,
      [id, reviewerId],
    );
    return own?.project_id;
  }

  /** The live proposal as its reviewers read it; undefined when it does not exist or was deleted. */
  async proposal(manager: EntityManager, projectId: string): Promise<ProposalRow | undefined> {
    const [row] = await preparedQuery<ProposalRow>(manager, PROPOSAL_SQL, [projectId]);
    return row;
  }

  /**
   * The live project with the status of the user's own review of its latest round (null: none); held
   * FOR SHARE when `forWrite`.
   */
  async projectWithOwnReview(
    manager: EntityManager,
    projectId: string,
    userId: string | null,
    forWrite: boolean,
  ): Promise<
    { id: string; code: string; title: string; stage: Stage; own: ReviewStatus | null } | undefined
  > {
    const [project] = await preparedQuery<{
      id: string;
      code: string;
      title: string;
      stage: Stage;
      own: ReviewStatus | null;
    }>(
      manager,
      `SELECT p.id, p.code, p.title, p.stage,
              (SELECT r.status FROM reviews r WHERE r.project_id = p.id AND r.reviewer_id = $2
                 AND r.round = ${latestRoundOf('p.id')}) AS own
       FROM projects p WHERE p.id = $1 AND p.deleted_at IS NULL ${forWrite ? 'FOR SHARE OF p' : ''}`,
      [projectId, userId],
    );
    return project;
  }

  /** The live project's stage, held FOR SHARE until the transaction ends. */
  async stageForShare(manager: EntityManager, projectId: string): Promise<Stage | undefined> {
    const [project] = await preparedQuery<{ stage: Stage }>(
      manager,
      `SELECT stage FROM projects WHERE id = $1 AND deleted_at IS NULL FOR SHARE`,
      [projectId],
    );
    return project?.stage;
  }

  /** The organizations (the lead among them) and the recipient countries of the project. */
  async parties(
    manager: EntityManager,
    projectId: string,
  ): Promise<{ organizationIds: string[]; countries: string[] }> {
    const [parties] = await preparedQuery<{ organization_ids: string[]; countries: string[] }>(
      manager,
      `SELECT ARRAY(SELECT organization_id::text FROM project_organizations WHERE project_id = p.id
                    UNION SELECT lead_organization_id::text WHERE lead_organization_id IS NOT NULL) AS organization_ids,
              ARRAY(SELECT country_iso3::text FROM project_countries WHERE project_id = p.id) AS countries
       FROM projects p WHERE p.id = $1`,
      [projectId],
    );
    return { organizationIds: parties!.organization_ids, countries: parties!.countries };
  }
}

export function toSummaryDto(row: SummaryRow): ReviewSummaryDto {
  return {
    id: row.id,
    round: row.round,
    currentRound: row.current_round,
    dueOn: row.due_on,
    status: row.status,
    conflictDeclared: row.conflict_declared,
    reviewerId: row.reviewer_id,
    reviewerName: row.reviewer_name,
    projectId: row.project_id,
    code: row.code,
    title: row.title,
    titleTranslations: row.title_translations,
    stage: row.stage,
    countries: row.countries,
    leadOrganization: row.lead_organization,
    submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function toReviewerDto(row: ReviewerRow): ReviewerDto {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    openAssignments: row.open_assignments,
    submittedReviews: row.submitted_reviews,
  };
}
