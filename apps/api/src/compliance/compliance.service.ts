import {
  describeAlignmentProblem,
  describeComplianceReason,
  describeConsentProblem,
  describeParagraph3Problem,
  evaluateParagraph6,
  paragraph6Date,
  paragraph6Losses,
  RESOLUTION_66_290_CITATION,
  RESOLUTION_66_290_PARAGRAPH_6,
  screenParagraph3,
} from '@hstf/domain';
import type { ComplianceReason, Paragraph3Screening, Paragraph6Loss, Paragraph6Result } from '@hstf/domain';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RefreshingCache } from '../common/cache/refreshing-cache';
import { limitOf, toPage } from '../common/pagination/pagination';
import { Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ComplianceRecords, paragraph6Input } from './compliance-records';
import { ComplianceRepository } from './compliance.repository';
import {
  ComplianceBasis,
  ComplianceCountsDto,
  ComplianceListQuery,
  CompliancePage,
  ComplianceReasonDto,
  ConsentEvaluationDto,
  CountryComplianceDto,
  Paragraph3ScreeningDto,
  Paragraph6LossDto,
  ProjectComplianceDto,
} from './compliance.dto';

/** Today as a calendar date in UTC: the default date of every judgement. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** "it has no date of grant" → "It has no date of grant." */
function sentence(clause: string): string {
  return `${clause.charAt(0).toUpperCase()}${clause.slice(1)}.`;
}

/** A reason of the rules with its English sentence. */
export function worded<T extends { code: string; facts: object }>(
  item: T,
  describe: (item: T) => string,
): ComplianceReasonDto {
  return { code: item.code, facts: item.facts as Record<string, unknown>, message: describe(item) };
}

export function complianceReasonDto(item: ComplianceReason): ComplianceReasonDto {
  return worded(item, describeComplianceReason);
}

function lossDto(loss: Paragraph6Loss): Paragraph6LossDto {
  const when = loss.lostOn ? ` on ${loss.lostOn}` : '';
  const what = { withdrawn: 'was withdrawn', expired: 'expired', changed: 'no longer counts' }[loss.kind];
  return { ...loss, message: `The consent of ${loss.country} ${what}${when}, after the date judged.` };
}

function seesEverything(ctx: RequestContext): boolean {
  return ctx.user?.role === 'admin' || ctx.user?.role === 'staff';
}

/**
 * Paragraph 6 of resolution 66/290 (DESIGN.md §4.2), judged by libs/domain: this service gathers the
 * records and words the result; it decides nothing itself. The list, which must judge many projects
 * in one statement, uses the same rule written in SQL (paragraph-6.sql.ts), tested against the domain.
 */
@Injectable()
export class ComplianceService {
  /** Today's counts, kept like the dashboard overview they appear on; other dates are computed. */
  private today: { on: string; cache: RefreshingCache<ComplianceCountsDto> } | null = null;
  private readonly cacheMs: number;

  constructor(
    private readonly compliance: ComplianceRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cacheMs = config.dashboardCacheSeconds * 1000;
  }

  /** The records of these projects, for features that judge them (transitions, alerts). */
  records(manager: EntityManager, projectIds: readonly string[]): Promise<ComplianceRecords[]> {
    return this.compliance.records(projectIds, null, manager);
  }

  evaluate(records: ComplianceRecords, on: string): Paragraph6Result {
    return evaluateParagraph6(paragraph6Input(records), on);
  }

  screen(records: ComplianceRecords): Paragraph3Screening {
    return screenParagraph3(records.declarations);
  }

  /**
   * On the date asked, or on the project's own date by stage (paragraph6Date); what has been lost
   * since that date is history beside the result, not part of it.
   */
  async forProject(ctx: RequestContext, projectId: string, asked?: string): Promise<ProjectComplianceDto> {
    // Reviewers see the projects assigned to them and not declined for a conflict; anything else is 404.
    const reviewer = ctx.user?.role === 'reviewer' ? ctx.user.id : null;
    const [records] = await this.compliance.records([projectId], reviewer);
    if (!records) throw Problem.notFound('The project');
    const today = todayUtc();
    const { on, basis } = asked
      ? { on: asked, basis: 'asked' as const }
      : paragraph6Date(records.stage, today, records.decisions);
    const result = this.evaluate(records, on);
    const losses = paragraph6Losses(paragraph6Input(records), result, today);
    return this.toDto(records, result, { basis, losses }, this.screen(records), seesEverything(ctx));
  }

  /**
   * Where paragraph 6 matters now: proposals under review and approved, active or suspended projects
   * (a suspended one resumes only once it holds again). Judging
   * all of them takes about 0.2 s of PostgreSQL at 100,000 projects and the overview page asks on
   * every view, so today's counts are computed at most once per DASHBOARD_CACHE_SECONDS per process
   * (served stale up to ten times that while one refresh runs), as the overview; `on` says the date.
   */
  async counts(on = todayUtc()): Promise<ComplianceCountsDto> {
    if (on !== todayUtc()) return this.computeCounts(on);
    if (this.today?.on !== on) {
      this.today = {
        on,
        cache: new RefreshingCache(() => this.computeCounts(on), this.cacheMs, this.cacheMs * 10),
      };
    }
    return this.today.cache.get();
  }

  private async computeCounts(on: string): Promise<ComplianceCountsDto> {
    const rows = await this.compliance.counts(on);
    return { on, counts: rows };
  }

  async list(query: ComplianceListQuery): Promise<CompliancePage> {
    const on = query.on ?? todayUtc();
    const rows = await this.compliance.list(query, on, query.on === undefined);
    const page = toPage(rows, limitOf(query), (row) => [row.code, row.id]);
    return {
      on,
      nextCursor: page.nextCursor,
      items: page.items.map((row) => ({
        projectId: row.id,
        code: row.code,
        title: row.title,
        stage: row.stage as ProjectComplianceDto['stage'],
        on: row.on,
        basis: row.basis,
        status: row.status,
        countries: row.countries ?? [],
      })),
    };
  }

  /** The evaluation in words; what only staff may see is added for staff and admin alone. */
  toDto(
    records: ComplianceRecords,
    result: Paragraph6Result,
    judged: { basis: ComplianceBasis; losses: Paragraph6Loss[] },
    screening: Paragraph3Screening,
    staff: boolean,
  ): ProjectComplianceDto {
    const names = new Map(records.countries.map((c) => [c.iso3, c.name]));
    const consents = new Map(records.consents.map((c) => [c.id, c]));
    const alignments = new Map(records.alignments.map((a) => [a.id, a]));
    const countries: CountryComplianceDto[] = result.countries.map((country) => ({
      country: country.country,
      countryName: names.get(country.country) ?? country.country,
      status: country.status,
      consent: {
        holds: country.consent.holds,
        recordId: country.consent.recordId,
        records: country.consent.records.map((evaluation) => {
          const record = consents.get(evaluation.recordId)!;
          const dto: ConsentEvaluationDto = {
            recordId: evaluation.recordId,
            status: evaluation.status,
            requestedOn: evaluation.requestedOn,
            grantedOn: evaluation.grantedOn,
            validUntil: evaluation.validUntil,
            withdrawnOn: evaluation.withdrawnOn,
            counts: evaluation.counts,
            problems: evaluation.problems.map((problem) =>
              worded(problem, (p) => sentence(describeConsentProblem(p))),
            ),
          };
          return staff ? { ...dto, ...record.staffOnly } : dto;
        }),
      },
      alignment: {
        holds: country.alignment.holds,
        alignmentId: country.alignment.alignmentId,
        strategyId: country.alignment.strategyId,
        records: country.alignment.records.map((evaluation) => ({
          alignmentId: evaluation.alignmentId,
          strategyId: evaluation.strategyId,
          strategyTitle: evaluation.strategyTitle,
          priorityArea: alignments.get(evaluation.alignmentId)?.priorityArea ?? null,
          periodFrom: evaluation.periodFrom,
          periodTo: evaluation.periodTo,
          coversStart: evaluation.coversStart,
          hasJustification: evaluation.hasJustification,
          counts: evaluation.counts,
          problems: evaluation.problems.map((problem) =>
            worded(problem, (p) => sentence(describeAlignmentProblem(p))),
          ),
        })),
      },
      reasons: country.reasons.map(complianceReasonDto),
    }));
    const paragraph3: Paragraph3ScreeningDto = {
      status: screening.status,
      declarations: screening.declarations,
      problems: screening.problems.map((problem) => worded(problem, describeParagraph3Problem)),
    };
    return {
      projectId: records.projectId,
      code: records.code,
      title: records.title,
      stage: records.stage,
      on: result.on,
      basis: judged.basis,
      projectStart: records.startDate,
      status: result.status,
      paragraph6: { citation: RESOLUTION_66_290_CITATION, text: RESOLUTION_66_290_PARAGRAPH_6 },
      reasons: result.reasons.map(complianceReasonDto),
      countries,
      history: judged.losses.map(lossDto),
      paragraph3,
    };
  }
}
