import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isStage, PRINCIPLE_IDS } from '@hstf/domain';
import type { Recommendation, ReviewStatus, Stage } from '@hstf/domain';
import { decodeCursor, PageQuery } from '../common/pagination/pagination';
import { preparedQuery } from '../database/prepared-query';
import type { TransitionDto } from './lifecycle.dto';

interface TransitionRow {
  id: string;
  project_id: string;
  from_stage: Stage;
  to_stage: Stage;
  note: string;
  decided_on: string;
  actor_id: string | null;
  actor_name: string | null;
  evidence: Record<string, unknown> | null;
  occurred_at: Date;
  /** occurred_at to the microsecond, for the cursor: a JS Date keeps only milliseconds. */
  occurred_at_key: string;
}

/** The project row the gates read, as locked (or read) by the caller. */
export interface ProjectRow {
  id: string;
  code: string;
  stage: Stage;
  version: number;
  deleted_at: Date | null;
  title: string;
  summary: string;
  window: string | null;
  lead_organization_id: string | null;
  requested_budget: string;
  approved_budget: string | null;
  start_date: string | null;
  end_date: string | null;
  dimensions: string[];
  target_beneficiaries: number | null;
  vulnerable_groups: string[];
  narrative_people_centred: string;
  narrative_comprehensive: string;
  narrative_context_specific: string;
  narrative_prevention_oriented: string;
  narrative_protection_empowerment: string;
}

/** A review as the assessment reads it: one score column per principle. */
export interface ReviewRow {
  round: number;
  reviewer_id: string;
  status: ReviewStatus;
  conflict_declared: boolean | null;
  recommendation: Recommendation | null;
  [score: `score_${string}`]: number | null;
}

export interface AssessmentSettingsRow {
  min_principle_mean: string;
  min_overall_mean: string;
  min_reviews: number;
  disagreement_spread: number;
}

const SELECT_REVIEWS = `
  SELECT round, reviewer_id, status, conflict_declared, recommendation,
         ${PRINCIPLE_IDS.map((p) => `score_${p}`).join(', ')}
  FROM reviews WHERE project_id = $1 ORDER BY created_at, id`;

export interface NewTransition {
  projectId: string;
  from: Stage;
  to: Stage;
  note: string;
  decidedOn: string;
  actorId: string | null;
  evidence: Record<string, unknown>;
}

const SELECT_TRANSITIONS = `
  SELECT t.id, t.project_id, t.from_stage, t.to_stage, t.note, t.decided_on::text, t.actor_id,
         u.name AS actor_name, t.evidence, t.occurred_at,
         to_char(t.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at_key
  FROM project_transitions t LEFT JOIN users u ON u.id = t.actor_id`;

/** The SQL of stage transitions and their history, and its mapping; LifecycleService decides. */
@Injectable()
export class LifecycleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Makes the caller's transaction read-only: a check that must change nothing cannot. */
  async readOnly(manager: EntityManager): Promise<void> {
    await manager.query('SET TRANSACTION READ ONLY');
  }

  /** The live project as the gates read it; undefined when it does not exist or was deleted. */
  async project(manager: EntityManager, id: string): Promise<ProjectRow | undefined> {
    const [project] = await preparedQuery<ProjectRow>(
      manager,
      `SELECT * FROM projects WHERE id = $1 AND deleted_at IS NULL`,
      [id],
    );
    return project;
  }

  async projectExists(id: string): Promise<boolean> {
    const rows = await preparedQuery(
      this.dataSource,
      `SELECT 1 FROM projects WHERE id = $1 AND deleted_at IS NULL`,
      [id],
    );
    return rows.length > 0;
  }

  /** The date of the project's latest decision, as YYYY-MM-DD; null before the first. */
  async lastDecisionDate(manager: EntityManager, projectId: string): Promise<string | null> {
    const [last] = await preparedQuery<{ decided_on: string | null }>(
      manager,
      `SELECT max(decided_on)::text AS decided_on FROM project_transitions WHERE project_id = $1`,
      [projectId],
    );
    return last?.decided_on ?? null;
  }

  /** The project's review rounds: which of them counts is the domain's to say. */
  reviewRounds(
    manager: EntityManager,
    projectId: string,
  ): Promise<{ number: number; closedAt: string | null }[]> {
    return preparedQuery(
      manager,
      `SELECT number, closed_at::text AS "closedAt" FROM review_rounds WHERE project_id = $1`,
      [projectId],
    );
  }

  reviews(manager: EntityManager, projectId: string): Promise<ReviewRow[]> {
    return preparedQuery<ReviewRow>(manager, SELECT_REVIEWS, [projectId]);
  }

  moderationNotes(
    manager: EntityManager,
    projectId: string,
  ): Promise<{ round: number; principle: string; note: string }[]> {
    return preparedQuery(
      manager,
      `SELECT round, principle, note FROM moderation_notes WHERE project_id = $1`,
      [projectId],
    );
  }

  /** The Fund's assessment thresholds; undefined leaves the domain's defaults. */
  async assessmentSettings(manager: EntityManager): Promise<AssessmentSettingsRow | undefined> {
    const [settings] = await preparedQuery<AssessmentSettingsRow>(
      manager,
      `SELECT min_principle_mean, min_overall_mean, min_reviews, disagreement_spread FROM assessment_settings`,
    );
    return settings;
  }

  /** The stage of the project's latest move into suspended: where a resumption returns to. */
  async suspendedFrom(manager: EntityManager, projectId: string): Promise<Stage | null> {
    const [last] = await preparedQuery<{ from_stage: string }>(
      manager,
      `SELECT from_stage FROM project_transitions WHERE project_id = $1 AND to_stage = 'suspended'
       ORDER BY occurred_at DESC, id DESC LIMIT 1`,
      [projectId],
    );
    return last && isStage(last.from_stage) ? last.from_stage : null;
  }

  /** The project's recipient countries as ISO3 codes, in code order. */
  async recipientCountries(manager: EntityManager, projectId: string): Promise<string[]> {
    const rows = await preparedQuery<{ iso3: string }>(
      manager,
      `SELECT country_iso3::text AS iso3 FROM project_countries WHERE project_id = $1 ORDER BY 1`,
      [projectId],
    );
    return rows.map((row) => row.iso3);
  }

  /** The project's transfers, first made first: activation needs one. */
  transfers(
    manager: EntityManager,
    projectId: string,
  ): Promise<{ id: string; transferred_on: string; amount_usd: string }[]> {
    return preparedQuery(
      manager,
      `SELECT id, transferred_on::text, amount_usd::text FROM transfers
       WHERE project_id = $1 ORDER BY transferred_on, tranche, id`,
      [projectId],
    );
  }

  /** Records the transition and returns it as its history shows it. */
  async insert(manager: EntityManager, transition: NewTransition): Promise<TransitionRow> {
    const [inserted] = await preparedQuery<{ id: string }>(
      manager,
      `INSERT INTO project_transitions (project_id, from_stage, to_stage, note, decided_on, actor_id, evidence)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING id`,
      [
        transition.projectId,
        transition.from,
        transition.to,
        transition.note,
        transition.decidedOn,
        transition.actorId,
        JSON.stringify(transition.evidence),
      ],
    );
    const [row] = await preparedQuery<TransitionRow>(manager, `${SELECT_TRANSITIONS} WHERE t.id = $1`, [
      inserted!.id,
    ]);
    return row!;
  }

  /** The project's transitions, oldest first; one more row than `limit`, for the next page's cursor. */
  history(projectId: string, query: PageQuery, limit: number): Promise<TransitionRow[]> {
    const params: unknown[] = [projectId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = ['t.project_id = $1'];
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor) {
      where.push(`(t.occurred_at, t.id) > (${param(cursor[0])}::timestamptz, ${param(cursor[1])}::uuid)`);
    }
    return preparedQuery<TransitionRow>(
      this.dataSource,
      `${SELECT_TRANSITIONS} WHERE ${where.join(' AND ')}
       ORDER BY t.occurred_at, t.id LIMIT ${param(limit + 1)}`,
      params,
    );
  }
}

/** Donors see the moves and their dates only; staff the note, the actor and the evidence too. */
export function toTransitionDto(row: TransitionRow, staff: boolean): TransitionDto {
  const dto: TransitionDto = {
    id: row.id,
    projectId: row.project_id,
    from: row.from_stage,
    to: row.to_stage,
    decidedOn: row.decided_on,
    occurredAt: row.occurred_at.toISOString(),
  };
  if (!staff) return dto;
  return { ...dto, note: row.note, actorId: row.actor_id, actorName: row.actor_name, evidence: row.evidence };
}
