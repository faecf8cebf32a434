import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PRINCIPLE_IDS } from '@hstf/domain';
import type { AssessmentThresholds, PrincipleId, ReviewStatus } from '@hstf/domain';
import { preparedQuery } from '../database/prepared-query';
import type { AssessmentSettingsDto, ModerationNoteDto } from './assessment.dto';
import type { ReviewRow } from './review-rows';
import { latestRoundOf, PROPOSAL_SQL, SELECT_REVIEWS } from './reviews.repository';
import type { ProposalRow, RoundRow, Timestamp } from './reviews.repository';

export interface SettingsRow {
  /** numeric: text from a row, a number from a JSON snapshot. */
  min_principle_mean: string | number;
  min_overall_mean: string | number;
  min_reviews: number;
  disagreement_spread: number;
  review_due_days: number;
  review_waiting_days: number;
  version: number;
  updated_at: Timestamp;
}

export interface NoteRow {
  id: string;
  project_id: string;
  round: number;
  principle: PrincipleId;
  note: string;
  author_id: string | null;
  author_name: string | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

const SELECT_NOTES = `
  SELECT n.*, u.name AS author_name FROM moderation_notes n LEFT JOIN users u ON u.id = n.author_id`;
const NOTE_ORDER = `array_position(ARRAY[${PRINCIPLE_IDS.map((p) => `'${p}'`).join(', ')}], n.principle)`;

/**
 * Everything an assessment is computed from, as it stood at one moment: the proposal, the status of
 * the reader's own review of the latest round, every round, and every review and moderation note of
 * each round (a proposal has a few), and the thresholds. Timestamps come as JSON strings.
 */
export interface AssessmentSnapshot extends ProposalRow {
  own: ReviewStatus | null;
  rounds: RoundRow[];
  reviews: ReviewRow[];
  notes: NoteRow[];
  settings: SettingsRow;
}

/**
 * One statement, so one snapshot without a transaction: a read with six statements in a REPEATABLE
 * READ transaction spent more of its time on the round trips and the transaction than on the reads.
 */
const SNAPSHOT_SQL = `
  SELECT proposal.*,
         (SELECT r.status FROM reviews r WHERE r.project_id = proposal.id AND r.reviewer_id = $2
            AND r.round = ${latestRoundOf('proposal.id')}) AS own,
         (SELECT coalesce(json_agg(json_build_object(
             'id', rr.id, 'project_id', rr.project_id, 'number', rr.number, 'opened_at', rr.opened_at,
             'closed_at', rr.closed_at, 'version', rr.version) ORDER BY rr.number), '[]')
          FROM review_rounds rr WHERE rr.project_id = proposal.id) AS rounds,
         (SELECT coalesce(json_agg(r ORDER BY r.round, r.created_at, r.id), '[]')
          FROM (${SELECT_REVIEWS} WHERE r.project_id = proposal.id) r) AS reviews,
         (SELECT coalesce(json_agg(n ORDER BY n.round, ${NOTE_ORDER}), '[]')
          FROM (${SELECT_NOTES} WHERE n.project_id = proposal.id) n) AS notes,
         (SELECT row_to_json(s) FROM assessment_settings s WHERE s.id) AS settings
  FROM (${PROPOSAL_SQL}) proposal`;

/**
 * The SQL of moderation notes and of the assessment settings (one row, keyed `true`), and their
 * mapping; AssessmentService decides. Each method takes the manager of the caller's transaction.
 */
@Injectable()
export class AssessmentRepository {
  /** The notes of one round of the project, in the order of the principles. */
  notes(manager: EntityManager, projectId: string, round: number): Promise<NoteRow[]> {
    return preparedQuery<NoteRow>(
      manager,
      `${SELECT_NOTES} WHERE n.project_id = $1 AND n.round = $2 ORDER BY ${NOTE_ORDER}`,
      [projectId, round],
    );
  }

  async note(manager: EntityManager, id: string): Promise<NoteRow | undefined> {
    const [row] = await preparedQuery<NoteRow>(manager, `${SELECT_NOTES} WHERE n.id = $1`, [id]);
    return row;
  }

  /** The note of one principle in the round, locked until the transaction ends; undefined when there is none. */
  async lockNote(
    manager: EntityManager,
    projectId: string,
    round: number,
    principle: PrincipleId,
  ): Promise<{ id: string; version: number } | undefined> {
    const [existing] = await preparedQuery<{ id: string; version: number }>(
      manager,
      `SELECT id, version FROM moderation_notes
       WHERE project_id = $1 AND round = $2 AND principle = $3 FOR UPDATE`,
      [projectId, round, principle],
    );
    return existing;
  }

  /** Records the note and returns its id; undefined when one for the principle was just recorded. */
  async insertNote(
    manager: EntityManager,
    note: { projectId: string; round: number; principle: PrincipleId; text: string; authorId: string },
  ): Promise<string | undefined> {
    const [inserted] = await preparedQuery<{ id: string }>(
      manager,
      `INSERT INTO moderation_notes (project_id, round, principle, note, author_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ON CONSTRAINT uq_moderation_notes_round_principle DO NOTHING RETURNING id`,
      [note.projectId, note.round, note.principle, note.text, note.authorId],
    );
    return inserted?.id;
  }

  /** The snapshot of the live project as `readerId` reads it; undefined when there is none. */
  async snapshot(
    source: DataSource,
    projectId: string,
    readerId: string | null,
  ): Promise<AssessmentSnapshot | undefined> {
    const [row] = await preparedQuery<AssessmentSnapshot>(source, SNAPSHOT_SQL, [projectId, readerId]);
    return row;
  }

  async settings(manager: EntityManager): Promise<SettingsRow> {
    const [row] = await preparedQuery<SettingsRow>(manager, `SELECT * FROM assessment_settings WHERE id`);
    if (!row) throw new Error('The assessment settings row is missing: run the migrations');
    return row;
  }
}

export function thresholdsOf(row: SettingsRow): AssessmentThresholds {
  return {
    minPrincipleMean: Number(row.min_principle_mean),
    minOverallMean: Number(row.min_overall_mean),
    minReviews: row.min_reviews,
    disagreementSpread: row.disagreement_spread,
  };
}

export function toSettingsDto(row: SettingsRow): AssessmentSettingsDto {
  return {
    ...thresholdsOf(row),
    reviewDueDays: row.review_due_days,
    reviewWaitingDays: row.review_waiting_days,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function toNoteDto(row: NoteRow): ModerationNoteDto {
  return {
    id: row.id,
    projectId: row.project_id,
    round: row.round,
    principle: row.principle,
    note: row.note,
    authorId: row.author_id,
    authorName: row.author_name,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
