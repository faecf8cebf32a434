import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  assessProposal,
  describeAssessmentFailure,
  describeReviewExclusion,
  PRINCIPLE_IDS,
  principle as principleById,
} from '@hstf/domain';
import type { AssessmentThresholds, ModerationNotes, PrincipleId } from '@hstf/domain';
import { AuditService } from '../audit/audit.service';
import { lockForUpdate, updateVersioned } from '../common/concurrency/versioned-update';
import { Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import {
  AssessmentDto,
  AssessmentSettingsDto,
  ModerationNoteDto,
  ModerationNoteRequest,
  UpdateAssessmentSettingsRequest,
} from './assessment.dto';
import { versionRequired } from '../common/concurrency/expected-version';
import { indicatorsDto, readProposal } from './proposal-for-review';
import { projectWithReviewsFor, seesAllReviews } from './review-access';
import { reviewInputOf, ReviewRow, SELECT_REVIEWS } from './review-rows';
import { preparedQuery } from '../database/prepared-query';

interface SettingsRow {
  min_principle_mean: string;
  min_overall_mean: string;
  min_reviews: number;
  disagreement_spread: number;
  version: number;
  updated_at: Date;
}

interface NoteRow {
  id: string;
  project_id: string;
  principle: PrincipleId;
  note: string;
  author_id: string | null;
  author_name: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const NOTE_ENTITY = 'moderation note';
const NOTE_AUDIT_ENTITY = 'moderation_note';
const SETTINGS_ENTITY = 'assessment settings';
const SETTINGS_AUDIT_ENTITY = 'assessment_settings';
/** The settings table holds one row, keyed `true`. */
const SETTINGS_ID = 'true';

const SELECT_NOTES = `
  SELECT n.*, u.name AS author_name FROM moderation_notes n LEFT JOIN users u ON u.id = n.author_id`;
const NOTE_ORDER = `array_position(ARRAY[${PRINCIPLE_IDS.map((p) => `'${p}'`).join(', ')}], n.principle)`;

@Injectable()
export class AssessmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * The assessment as libs/domain computes it from the reviews, the moderation notes and the
   * configured thresholds, read in one consistent snapshot.
   */
  async assessment(ctx: RequestContext, projectId: string): Promise<AssessmentDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const project = await projectWithReviewsFor(manager, ctx, projectId);
      const proposal = await readProposal(manager, projectId);
      // The reads of every assessment are named statements, planned once per connection.
      const rows = await preparedQuery<ReviewRow>(
        manager,
        `${SELECT_REVIEWS} WHERE r.project_id = $1 ORDER BY r.created_at, r.id`,
        [projectId],
      );
      const notes = await this.notes(manager, projectId);
      const thresholds = thresholdsOf(await this.settingsRow(manager));
      const moderationNotes: ModerationNotes = Object.fromEntries(notes.map((n) => [n.principle, n.note]));
      const result = assessProposal(rows.map(reviewInputOf), { thresholds, moderationNotes });

      const tallies = result.reviews.map((tally, index) => ({ tally, row: rows[index]! }));
      // A reviewer sees the submitted reviews (theirs among them), never another's draft or conflict.
      const shown = seesAllReviews(ctx)
        ? tallies
        : tallies.filter(({ row }) => row.status === 'submitted' || row.reviewer_id === ctx.actor.id);
      return {
        projectId: project.id,
        code: project.code,
        title: project.title,
        stage: project.stage,
        indicators: indicatorsDto(proposal.indicators),
        thresholds: result.thresholds,
        countedReviews: result.countedReviews,
        enoughReviews: result.enoughReviews,
        reviews: shown.map(({ tally, row }) => ({
          reviewId: row.id,
          reviewerId: row.reviewer_id,
          reviewerName: row.reviewer_name,
          status: row.status,
          counted: tally.counted,
          exclusions: tally.exclusions.map((exclusion) => ({
            code: exclusion.code,
            facts: exclusion.facts,
            message: describeReviewExclusion(exclusion),
          })),
          recommendation: tally.counted ? tally.recommendation : null,
        })),
        principles: result.principles.map((p) => ({ ...p, title: principleById(p.principle).title })),
        overallMean: result.overallMean,
        passes: result.passes,
        failures: result.failures.map((failure) => ({
          code: failure.code,
          facts: failure.facts,
          message: describeAssessmentFailure(failure),
        })),
        disagreements: result.disagreements,
        unmoderatedDisagreements: result.unmoderatedDisagreements,
        recommendations: result.recommendations,
        moderationNotes: notes.map(toNoteDto),
      };
    });
  }

  async listNotes(ctx: RequestContext, projectId: string): Promise<ModerationNoteDto[]> {
    await projectWithReviewsFor(this.dataSource.manager, ctx, projectId);
    return (await this.notes(this.dataSource.manager, projectId)).map(toNoteDto);
  }

  /** Records or changes the note of one principle; the version is needed once the note exists. */
  async putNote(
    ctx: RequestContext,
    projectId: string,
    principle: PrincipleId,
    expectedVersion: number | null,
    request: ModerationNoteRequest,
  ): Promise<{ note: ModerationNoteDto; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      await projectWithReviewsFor(manager, ctx, projectId, true);
      const [existing] = await manager.query<{ id: string; version: number }[]>(
        `SELECT id, version FROM moderation_notes WHERE project_id = $1 AND principle = $2 FOR UPDATE`,
        [projectId, principle],
      );
      if (!existing) {
        const [inserted] = await manager.query<{ id: string }[]>(
          `INSERT INTO moderation_notes (project_id, principle, note, author_id) VALUES ($1, $2, $3, $4)
           ON CONFLICT ON CONSTRAINT uq_moderation_notes_principle DO NOTHING RETURNING id`,
          [projectId, principle, request.note, ctx.actor.id],
        );
        if (!inserted) {
          throw Problem.conflict(
            'moderation-note-exists',
            'A moderation note for this principle was just recorded by someone else: reload it and change that one.',
          );
        }
        const created = await this.note(manager, inserted.id);
        await this.audit.record(manager, ctx, {
          action: 'create',
          entity: NOTE_AUDIT_ENTITY,
          entityId: created.id,
          before: null,
          after: created,
        });
        return { note: created, created: true };
      }
      if (expectedVersion === null) throw versionRequired(NOTE_ENTITY);
      if (existing.version !== expectedVersion) {
        throw Problem.staleVersion(NOTE_ENTITY, expectedVersion, existing.version);
      }
      const before = await this.note(manager, existing.id);
      if (before.note === request.note) return { note: before, created: false };
      await updateVersioned(manager, {
        table: 'moderation_notes',
        entityLabel: NOTE_ENTITY,
        id: existing.id,
        expectedVersion,
        set: { note: request.note, author_id: ctx.actor.id },
      });
      const after = await this.note(manager, existing.id);
      await this.audit.record(manager, ctx, {
        action: 'update',
        entity: NOTE_AUDIT_ENTITY,
        entityId: existing.id,
        before,
        after,
      });
      return { note: after, created: false };
    });
  }

  async settings(): Promise<AssessmentSettingsDto> {
    return toSettingsDto(await this.settingsRow(this.dataSource.manager));
  }

  async updateSettings(
    ctx: RequestContext,
    expectedVersion: number,
    request: UpdateAssessmentSettingsRequest,
  ): Promise<AssessmentSettingsDto> {
    return this.dataSource.transaction(async (manager) => {
      const current = await lockForUpdate<SettingsRow>(
        manager,
        'assessment_settings',
        SETTINGS_ENTITY,
        SETTINGS_ID,
      );
      if (current.version !== expectedVersion) {
        throw Problem.staleVersion(SETTINGS_ENTITY, expectedVersion, current.version);
      }
      const before = toSettingsDto(current);
      const set: Record<string, unknown> = {};
      if (request.minPrincipleMean !== undefined && request.minPrincipleMean !== before.minPrincipleMean) {
        set.min_principle_mean = request.minPrincipleMean;
      }
      if (request.minOverallMean !== undefined && request.minOverallMean !== before.minOverallMean) {
        set.min_overall_mean = request.minOverallMean;
      }
      if (request.minReviews !== undefined && request.minReviews !== before.minReviews) {
        set.min_reviews = request.minReviews;
      }
      if (
        request.disagreementSpread !== undefined &&
        request.disagreementSpread !== before.disagreementSpread
      ) {
        set.disagreement_spread = request.disagreementSpread;
      }
      if (Object.keys(set).length === 0) return before;
      await updateVersioned(manager, {
        table: 'assessment_settings',
        entityLabel: SETTINGS_ENTITY,
        id: SETTINGS_ID,
        expectedVersion,
        set,
      });
      const after = toSettingsDto(await this.settingsRow(manager));
      await this.audit.record(manager, ctx, {
        action: 'update',
        entity: SETTINGS_AUDIT_ENTITY,
        entityId: 'current',
        before,
        after,
      });
      return after;
    });
  }

  private async notes(manager: EntityManager, projectId: string): Promise<NoteRow[]> {
    return preparedQuery<NoteRow>(manager, `${SELECT_NOTES} WHERE n.project_id = $1 ORDER BY ${NOTE_ORDER}`, [
      projectId,
    ]);
  }

  private async note(manager: EntityManager, id: string): Promise<ModerationNoteDto> {
    const [row] = await manager.query<NoteRow[]>(`${SELECT_NOTES} WHERE n.id = $1`, [id]);
    if (!row) throw Problem.notFound('The moderation note');
    return toNoteDto(row);
  }

  private async settingsRow(manager: EntityManager): Promise<SettingsRow> {
    const [row] = await preparedQuery<SettingsRow>(manager, `SELECT * FROM assessment_settings WHERE id`);
    if (!row) throw new Error('The assessment settings row is missing: run the migrations');
    return row;
  }
}

function thresholdsOf(row: SettingsRow): AssessmentThresholds {
  return {
    minPrincipleMean: Number(row.min_principle_mean),
    minOverallMean: Number(row.min_overall_mean),
    minReviews: row.min_reviews,
    disagreementSpread: row.disagreement_spread,
  };
}

function toSettingsDto(row: SettingsRow): AssessmentSettingsDto {
  return {
    ...thresholdsOf(row),
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function toNoteDto(row: NoteRow): ModerationNoteDto {
  return {
    id: row.id,
    projectId: row.project_id,
    principle: row.principle,
    note: row.note,
    authorId: row.author_id,
    authorName: row.author_name,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
