import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  assessProposal,
  assignmentRound,
  countingRound,
  describeAssessmentFailure,
  describeReviewExclusion,
  principle as principleById,
} from '@hstf/domain';
import type { ModerationNotes, PrincipleId } from '@hstf/domain';
import { AuditService } from '../audit';
import { versionRequired } from '../common/concurrency/expected-version';
import { changeVersioned } from '../common/concurrency/versioned-update';
import { Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import {
  AssessmentDto,
  AssessmentSettingsDto,
  ModerationNoteDto,
  ModerationNoteRequest,
  UpdateAssessmentSettingsRequest,
} from './assessment.dto';
import {
  AssessmentRepository,
  SettingsRow,
  thresholdsOf,
  toNoteDto,
  toSettingsDto,
} from './assessment.repository';
import { indicatorsDto, proposalOf } from './proposal-for-review';
import { assertSeesReviews, projectWithReviewsFor, seesAllReviews } from './review-access';
import { reviewInputOf, roundsOf, toRoundDto } from './review-rows';
import { ReviewsRepository } from './reviews.repository';

const NOTE_ENTITY = 'moderation note';
const NOTE_AUDIT_ENTITY = 'moderation_note';
const SETTINGS_ENTITY = 'assessment settings';
const SETTINGS_AUDIT_ENTITY = 'assessment_settings';
/** The settings table holds one row, keyed `true`. */
const SETTINGS_ID = 'true';

@Injectable()
export class AssessmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AssessmentRepository,
    private readonly reviews: ReviewsRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * The assessment as libs/domain computes it from the reviews, the moderation notes and the
   * configured thresholds, read in one statement (one consistent snapshot).
   */
  async assessment(ctx: RequestContext, projectId: string, asked?: number): Promise<AssessmentDto> {
    const snapshot = await this.repository.snapshot(this.dataSource, projectId, ctx.user?.id ?? null);
    assertSeesReviews(ctx, snapshot);
    const proposal = proposalOf(snapshot);
    const rounds = snapshot.rounds;
    const latest = countingRound(roundsOf(rounds))?.number ?? null;
    // An earlier round is shown to staff only, read-only: a reviewer reads the latest round's panel.
    const number = asked ?? latest;
    const round = rounds.find((r) => r.number === number) ?? null;
    if (asked !== undefined && (round === null || (number !== latest && !seesAllReviews(ctx)))) {
      throw Problem.notFound(`Review round ${asked}`);
    }
    const rows = round ? snapshot.reviews.filter((r) => r.round === round.number) : [];
    const notes = round ? snapshot.notes.filter((n) => n.round === round.number) : [];
    const thresholds = thresholdsOf(snapshot.settings);
    const moderationNotes: ModerationNotes = Object.fromEntries(notes.map((n) => [n.principle, n.note]));
    const result = assessProposal(rows.map(reviewInputOf), { thresholds, moderationNotes });

    const tallies = result.reviews.map((tally, index) => ({ tally, row: rows[index]! }));
    // A reviewer sees the submitted reviews (theirs among them), never another's draft or conflict.
    const shown = seesAllReviews(ctx)
      ? tallies
      : tallies.filter(({ row }) => row.status === 'submitted' || row.reviewer_id === ctx.actor.id);
    return {
      projectId: snapshot.id,
      code: snapshot.code,
      title: snapshot.title,
      stage: snapshot.stage,
      round: round ? toRoundDto(round, latest) : null,
      rounds: rounds.map((r) => toRoundDto(r, latest)),
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
  }

  /** The notes of the latest round, the ones that count. */
  async listNotes(ctx: RequestContext, projectId: string): Promise<ModerationNoteDto[]> {
    const manager = this.dataSource.manager;
    await projectWithReviewsFor(this.reviews, manager, ctx, projectId);
    const latest = countingRound(roundsOf(await this.reviews.rounds(manager, projectId)));
    return latest ? (await this.repository.notes(manager, projectId, latest.number)).map(toNoteDto) : [];
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
      await projectWithReviewsFor(this.reviews, manager, ctx, projectId, true);
      // A note moderates the latest round; a proposal never reviewed in a round opens round 1.
      const rounds = roundsOf(await this.reviews.rounds(manager, projectId, true));
      const latest = countingRound(rounds);
      const round = latest ? latest.number : assignmentRound(rounds).number;
      if (!latest) await this.reviews.openRound(manager, projectId, round);
      const existing = await this.repository.lockNote(manager, projectId, round, principle);
      if (!existing) {
        const inserted = await this.repository.insertNote(manager, {
          projectId,
          round,
          principle,
          text: request.note,
          authorId: ctx.actor.id,
        });
        if (!inserted) {
          throw Problem.conflict(
            'moderation-note-exists',
            'A moderation note for this principle was just recorded by someone else: reload it and change that one.',
          );
        }
        const created = await this.note(manager, inserted);
        await this.audit.recordCreation(manager, ctx, NOTE_AUDIT_ENTITY, created);
        return { note: created, created: true };
      }
      if (expectedVersion === null) throw versionRequired(NOTE_ENTITY);
      const note = await changeVersioned<{ version: number }, ModerationNoteDto>(manager, this.audit, ctx, {
        table: 'moderation_notes',
        entityLabel: NOTE_ENTITY,
        auditEntity: NOTE_AUDIT_ENTITY,
        id: existing.id,
        expectedVersion,
        read: () => this.note(manager, existing.id),
        // The author is whoever last changed the text; the same text again changes nothing.
        decide: (_, before) => ({
          set: before.note === request.note ? {} : { note: request.note, author_id: ctx.actor.id },
        }),
      });
      return { note, created: false };
    });
  }

  async settings(): Promise<AssessmentSettingsDto> {
    return toSettingsDto(await this.repository.settings(this.dataSource.manager));
  }

  async updateSettings(
    ctx: RequestContext,
    expectedVersion: number,
    request: UpdateAssessmentSettingsRequest,
  ): Promise<AssessmentSettingsDto> {
    return this.dataSource.transaction((manager) =>
      changeVersioned<SettingsRow, AssessmentSettingsDto>(manager, this.audit, ctx, {
        table: 'assessment_settings',
        entityLabel: SETTINGS_ENTITY,
        auditEntity: SETTINGS_AUDIT_ENTITY,
        id: SETTINGS_ID,
        auditEntityId: 'current',
        expectedVersion,
        read: toSettingsDto,
        decide: (_, before) => {
          const set: Record<string, unknown> = {};
          if (
            request.minPrincipleMean !== undefined &&
            request.minPrincipleMean !== before.minPrincipleMean
          ) {
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
          if (request.reviewDueDays !== undefined && request.reviewDueDays !== before.reviewDueDays) {
            set.review_due_days = request.reviewDueDays;
          }
          if (
            request.reviewWaitingDays !== undefined &&
            request.reviewWaitingDays !== before.reviewWaitingDays
          ) {
            set.review_waiting_days = request.reviewWaitingDays;
          }
          return { set };
        },
      }),
    );
  }

  private async note(manager: EntityManager, id: string): Promise<ModerationNoteDto> {
    const row = await this.repository.note(manager, id);
    if (!row) throw Problem.notFound('The moderation note');
    return toNoteDto(row);
  }
}
