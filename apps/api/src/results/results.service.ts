import {
  beneficiaryProblems,
  breakdownProblems,
  describeResultsRemovalProblem,
  indicatorRemovalProblem,
  outcomeRemovalProblem,
  outputRemovalProblem,
  reportCarriesResults,
  submissionProblem,
  VULNERABLE_GROUPS,
} from '@hstf/domain';
import type { ResultsProblem, ResultsRemovalProblem } from '@hstf/domain';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { changeVersioned, removeVersioned, sentColumns } from '../common/concurrency/versioned-update';
import { FieldError, Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { todayUtc } from '../compliance';
import { assertProjectInScope } from '../projects';
import { ReportsService } from '../reports';
import {
  CreateIndicatorRequest,
  CreateOutcomeRequest,
  CreateOutputRequest,
  ResultIndicatorDto,
  OutcomeDto,
  OutputDto,
  ProjectResultsDto,
  RecordResultsRequest,
  ReportResultsDto,
  ResultsOverviewDto,
  UpdateIndicatorRequest,
  UpdateOutcomeRequest,
} from './results.dto';
import {
  IndicatorRow,
  LatestActualRow,
  OutcomeRow,
  OutputRow,
  ResultsRepository,
} from './results.repository';

/** What a results rule's code means, for the field it names. */
function describe(problem: ResultsProblem): string {
  switch (problem.code) {
    case 'breakdown_not_defined':
      return 'the indicator has no breakdown: send the value alone';
    case 'breakdown_sex_missing':
      return 'must name the sex (female or male): the indicator is broken down by sex';
    case 'breakdown_sex_not_defined':
      return 'must not name a sex: the indicator is not broken down by sex';
    case 'breakdown_age_group_missing':
      return `must name one of the age groups ${problem.facts.ageGroups.join(', ')}`;
    case 'breakdown_age_group_unknown':
      return `${problem.facts.ageGroup} is not one of the age groups ${problem.facts.ageGroups.join(', ')}`;
    case 'breakdown_cell_repeated':
      return 'repeats a cell given before';
    case 'group_reached_exceeds_people_reached':
      return `must be at most the ${problem.facts.peopleReached} people reached`;
  }
}

/** 422 in words: the record stays where the rule keeps it. */
function removalRefusal(problem: ResultsRemovalProblem): Problem {
  return new Problem(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'results-removal-refused',
    'The record cannot be deleted',
    describeResultsRemovalProblem(problem),
    { code: problem.code, facts: problem.facts },
  );
}

/**
 * A project's results framework (outcomes, their outputs, indicators with baselines and targets)
 * and what each narrative report records against it: the actual per indicator and the people
 * reached in all and per vulnerable group. Records of another project are refused (400) before
 * anything is written; the database's composite keys refuse them too.
 */
@Injectable()
export class ResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ResultsRepository,
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
  ) {}

  async project(projectId: string): Promise<ProjectResultsDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await assertProjectInScope(manager, projectId, false);
      const [outcomes, outputs, indicators, actuals, reach] = [
        await this.repository.outcomes(manager, projectId),
        await this.repository.outputs(manager, projectId),
        await this.repository.indicators(manager, projectId),
        await this.repository.latestActuals(manager, projectId),
        await this.repository.reach(manager, projectId),
      ];
      const latest = new Map(actuals.map((a) => [a.indicator_id, a]));
      const indicator = (row: IndicatorRow) => toIndicatorDto(row, latest.get(row.id) ?? null);
      const reached = new Map(reach.reached.map((g) => [g.group, g.reached]));
      return {
        projectId,
        targetBeneficiaries: reach.target,
        peopleReached: reach.people,
        groups: VULNERABLE_GROUPS.filter((g) => reach.groups.includes(g) || reached.has(g)).map((group) => ({
          group,
          targeted: reach.groups.includes(group),
          reached: reached.get(group) ?? null,
        })),
        outcomes: outcomes.map((outcome) => ({
          ...toOutcomeDto(outcome),
          indicators: indicators.filter((i) => i.outcome_id === outcome.id).map(indicator),
          outputs: outputs
            .filter((o) => o.outcome_id === outcome.id)
            .map((output) => ({
              ...toOutputDto(output),
              indicators: indicators.filter((i) => i.output_id === output.id).map(indicator),
            })),
        })),
      };
    });
  }

  createOutcome(ctx: RequestContext, projectId: string, request: CreateOutcomeRequest): Promise<OutcomeDto> {
    return this.dataSource.transaction(async (manager) => {
      await assertProjectInScope(manager, projectId, true);
      const id = await this.repository.insertOutcome(
        manager,
        projectId,
        request.title,
        request.principle ?? null,
      );
      const created = await this.outcome(manager, id);
      await this.audit.recordCreation(manager, ctx, 'outcome', created);
      return created;
    });
  }

  updateOutcome(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    request: UpdateOutcomeRequest,
  ): Promise<OutcomeDto> {
    return this.dataSource.transaction((manager) =>
      changeVersioned<{ version: number }, OutcomeDto>(manager, this.audit, ctx, {
        table: 'outcomes',
        entityLabel: 'outcome',
        id,
        expectedVersion,
        read: () => this.outcome(manager, id),
        decide: () => {
          const set = sentColumns(request, { title: 'title', principle: 'principle' });
          return { set };
        },
      }),
    );
  }

  createOutput(ctx: RequestContext, projectId: string, request: CreateOutputRequest): Promise<OutputDto> {
    return this.dataSource.transaction(async (manager) => {
      await assertProjectInScope(manager, projectId, true);
      const outcome = await this.repository.outcome(manager, request.outcomeId);
      if (outcome?.project_id !== projectId) {
        throw Problem.validation([{ field: 'outcomeId', message: 'is not an outcome of this project' }]);
      }
      const id = await this.repository.insertOutput(manager, projectId, outcome.id, request.title);
      const created = { ...toOutputDto((await this.repository.output(manager, id))!), indicators: [] };
      await this.audit.recordCreation(manager, ctx, 'output', created);
      return created;
    });
  }

  createIndicator(
    ctx: RequestContext,
    projectId: string,
    request: CreateIndicatorRequest,
  ): Promise<ResultIndicatorDto> {
    const outcomeId = request.outcomeId ?? null;
    const outputId = request.outputId ?? null;
    if ((outcomeId === null) === (outputId === null)) {
      throw Problem.validation([
        {
          field: outcomeId ? 'outputId' : 'outcomeId',
          message: 'give either an outcome or an output, not both',
        },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      await assertProjectInScope(manager, projectId, true);
      const parent = outcomeId
        ? await this.repository.outcome(manager, outcomeId)
        : await this.repository.output(manager, outputId!);
      if (parent?.project_id !== projectId) {
        throw Problem.validation([
          {
            field: outcomeId ? 'outcomeId' : 'outputId',
            message: `is not an ${outcomeId ? 'outcome' : 'output'} of this project`,
          },
        ]);
      }
      const id = await this.repository.insertIndicator(manager, {
        projectId,
        outcomeId,
        outputId,
        name: request.name,
        unit: request.unit,
        baseline: request.baseline ?? 0,
        target: request.target,
        bySex: request.breakdown?.bySex ?? false,
        ageGroups: request.breakdown?.ageGroups ?? [],
      });
      const created = toIndicatorDto((await this.repository.indicator(manager, id))!, null);
      await this.audit.recordCreation(manager, ctx, 'indicator', created);
      return created;
    });
  }

  updateIndicator(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    request: UpdateIndicatorRequest,
  ): Promise<ResultIndicatorDto> {
    return this.dataSource.transaction((manager) =>
      changeVersioned<{ version: number }, ResultIndicatorDto>(manager, this.audit, ctx, {
        table: 'indicators',
        entityLabel: 'indicator',
        id,
        expectedVersion,
        read: async () => toIndicatorDto((await this.repository.indicator(manager, id))!, null),
        decide: async (_, before) => {
          const set = sentColumns(request, {
            name: 'name',
            unit: 'unit',
            baseline: 'baseline',
            target: 'target',
          });
          const breakdown = request.breakdown;
          if (
            breakdown &&
            (breakdown.bySex !== before.breakdown.bySex ||
              JSON.stringify(breakdown.ageGroups) !== JSON.stringify(before.breakdown.ageGroups))
          ) {
            if (await this.repository.hasActuals(manager, id)) {
              throw new Problem(
                HttpStatus.UNPROCESSABLE_ENTITY,
                'indicator-breakdown-fixed',
                'The breakdown is fixed',
                'A report records actuals of this indicator by its breakdown: the breakdown no longer changes.',
                {
                  errors: [{ field: 'breakdown', message: 'cannot change once a report records an actual' }],
                },
              );
            }
            set.by_sex = breakdown.bySex;
            set.age_groups = breakdown.ageGroups;
          }
          return { set };
        },
      }),
    );
  }

  /** Deletes an outcome that holds no output and no indicator (422 otherwise). */
  removeOutcome(ctx: RequestContext, id: string, expectedVersion: number): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertWritable(manager, (await this.repository.outcome(manager, id))?.project_id, 'outcome');
      await removeVersioned<{ version: number }, OutcomeDto>(manager, this.audit, ctx, {
        table: 'outcomes',
        entityLabel: 'outcome',
        id,
        expectedVersion,
        read: () => this.outcome(manager, id),
        remove: async () => {
          const problem = outcomeRemovalProblem(await this.repository.outcomeContents(manager, id));
          if (problem) throw removalRefusal(problem);
          await this.repository.deleteOutcome(manager, id);
        },
      });
    });
  }

  /** Deletes an output that holds no indicator (422 otherwise). */
  removeOutput(ctx: RequestContext, id: string, expectedVersion: number): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertWritable(manager, (await this.repository.output(manager, id))?.project_id, 'output');
      await removeVersioned<{ version: number }, OutputDto>(manager, this.audit, ctx, {
        table: 'outputs',
        entityLabel: 'output',
        id,
        expectedVersion,
        read: async () => ({ ...toOutputDto((await this.repository.output(manager, id))!), indicators: [] }),
        remove: async () => {
          const indicators = await this.repository.outputIndicatorCount(manager, id);
          const problem = outputRemovalProblem({ indicators });
          if (problem) throw removalRefusal(problem);
          await this.repository.deleteOutput(manager, id);
        },
      });
    });
  }

  /**
   * Deletes an indicator no accepted report records (422 otherwise), with the actuals reports not yet
   * accepted hold for it: those reports are still being written or judged.
   */
  removeIndicator(ctx: RequestContext, id: string, expectedVersion: number): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertWritable(
        manager,
        (await this.repository.indicator(manager, id))?.project_id,
        'indicator',
      );
      await removeVersioned<{ version: number }, ResultIndicatorDto>(manager, this.audit, ctx, {
        table: 'indicators',
        entityLabel: 'indicator',
        id,
        expectedVersion,
        read: async () => toIndicatorDto((await this.repository.indicator(manager, id))!, null),
        remove: async () => {
          const acceptedReports = await this.repository.acceptedActualCount(manager, id);
          const problem = indicatorRemovalProblem({ acceptedReports });
          if (problem) throw removalRefusal(problem);
          await this.repository.deleteIndicator(manager, id);
        },
      });
    });
  }

  private async assertWritable(manager: EntityManager, projectId: string | undefined, label: string) {
    if (!projectId) throw Problem.notFound(`The ${label}`);
    await assertProjectInScope(manager, projectId, true);
  }

  async reportResults(reportId: string): Promise<ReportResultsDto> {
    const report = await this.reports.get(reportId);
    return this.readReportResults(this.dataSource.manager, reportId, report.projectId, report.version);
  }

  /**
   * What a narrative report records, replaced as a whole while the report is due or returned (once
   * handed in, it is what the organization reported). Every indicator must be one of the report's
   * project, every breakdown must fit its indicator, and no group may exceed the people reached.
   */
  recordReportResults(
    ctx: RequestContext,
    reportId: string,
    expectedVersion: number,
    request: RecordResultsRequest,
  ): Promise<ReportResultsDto> {
    return this.dataSource.transaction(async (manager) => {
      const report = await this.reports.lockForChange(manager, reportId);
      return changeVersioned<{ version: number }, ReportResultsDto>(manager, this.audit, ctx, {
        table: 'reports',
        entityLabel: 'report',
        auditEntity: 'report_results',
        id: reportId,
        expectedVersion,
        read: (row) => this.readReportResults(manager, reportId, report.projectId, row.version),
        decide: async () => {
          if (!reportCarriesResults(report.kind)) {
            throw new Problem(
              HttpStatus.UNPROCESSABLE_ENTITY,
              'report-without-results',
              'This report records no results',
              `${report.name} is a financial statement: results are recorded in the narrative reports.`,
            );
          }
          if (submissionProblem(report.status)) {
            throw new Problem(
              HttpStatus.UNPROCESSABLE_ENTITY,
              'report-not-open',
              'The report is already in',
              `${report.name} is ${report.status}: its results are what was handed in.`,
              { code: 'report_not_open', facts: { status: report.status } },
            );
          }
          await this.check(manager, report.projectId, request);
          return {
            set: {},
            related: () =>
              this.repository.replaceReportResults(
                manager,
                reportId,
                report.projectId,
                request.peopleReached ?? null,
                request.beneficiaries,
                request.actuals.map((a) => ({
                  indicatorId: a.indicatorId,
                  value: a.value,
                  breakdown: a.breakdown ?? [],
                })),
              ),
          };
        },
      });
    });
  }

  async overview(on: string = todayUtc()): Promise<ResultsOverviewDto> {
    const [overdue, figures] = await Promise.all([
      this.reports.overdueCount(on),
      this.repository.overview(this.dataSource.manager),
    ]);
    return {
      on,
      overdueReports: overdue,
      peopleReached: figures.people,
      byDimension: figures.by_dimension,
      byPrinciple: figures.by_principle,
      byCountry: figures.by_country,
      byYear: figures.by_year,
    };
  }

  /** 400 naming every field that does not fit, before anything is written. */
  private async check(
    manager: EntityManager,
    projectId: string,
    request: RecordResultsRequest,
  ): Promise<void> {
    const errors: FieldError[] = [];
    const ids = request.actuals.map((a) => a.indicatorId);
    const indicators = new Map(
      (await this.repository.indicatorsByIds(manager, [...new Set(ids)])).map((i) => [i.id, i]),
    );
    const seen = new Set<string>();
    request.actuals.forEach((actual, index) => {
      const indicator = indicators.get(actual.indicatorId);
      if (indicator?.project_id !== projectId) {
        errors.push({
          field: `actuals[${index}].indicatorId`,
          message: "is not an indicator of the report's project",
        });
        return;
      }
      if (seen.has(actual.indicatorId)) {
        errors.push({ field: `actuals[${index}].indicatorId`, message: 'is given twice' });
      }
      seen.add(actual.indicatorId);
      for (const problem of breakdownProblems(
        { bySex: indicator.by_sex, ageGroups: indicator.age_groups },
        actual.breakdown ?? [],
      )) {
        errors.push({
          field: `actuals[${index}].breakdown[${problem.facts.index}]`,
          message: describe(problem),
        });
      }
    });
    const groups = new Set<string>();
    request.beneficiaries.forEach((b, index) => {
      if (groups.has(b.group))
        errors.push({ field: `beneficiaries[${index}].group`, message: 'is given twice' });
      groups.add(b.group);
    });
    if (request.peopleReached !== undefined && request.peopleReached !== null) {
      for (const problem of beneficiaryProblems(request.peopleReached, request.beneficiaries)) {
        const index = request.beneficiaries.findIndex((b) => b.group === problem.facts.group);
        errors.push({ field: `beneficiaries[${index}].reached`, message: describe(problem) });
      }
    } else if (request.beneficiaries.length) {
      errors.push({ field: 'peopleReached', message: 'must be given with the people reached per group' });
    }
    if (errors.length) throw Problem.validation(errors);
  }

  private async readReportResults(
    manager: EntityManager,
    reportId: string,
    projectId: string,
    version: number,
  ): Promise<ReportResultsDto> {
    const results = await this.repository.reportResults(manager, reportId);
    return {
      reportId,
      projectId,
      peopleReached: results.people,
      beneficiaries: results.beneficiaries,
      actuals: results.actuals,
      version,
    };
  }

  private async outcome(manager: EntityManager, id: string): Promise<OutcomeDto> {
    const row = await this.repository.outcome(manager, id);
    if (!row) throw Problem.notFound('The outcome');
    return { ...toOutcomeDto(row), indicators: [], outputs: [] };
  }
}

function toOutcomeDto(row: OutcomeRow): Omit<OutcomeDto, 'indicators' | 'outputs'> {
  return {
    id: row.id,
    projectId: row.project_id,
    title: row.title,
    principle: row.principle,
    version: row.version,
  };
}

function toOutputDto(row: OutputRow): Omit<OutputDto, 'indicators'> {
  return {
    id: row.id,
    projectId: row.project_id,
    outcomeId: row.outcome_id,
    title: row.title,
    version: row.version,
  };
}

function toIndicatorDto(row: IndicatorRow, actual: LatestActualRow | null): ResultIndicatorDto {
  return {
    id: row.id,
    projectId: row.project_id,
    outcomeId: row.outcome_id,
    outputId: row.output_id,
    name: row.name,
    unit: row.unit,
    baseline: row.baseline,
    target: row.target,
    breakdown: { bySex: row.by_sex, ageGroups: row.age_groups },
    actual: actual
      ? {
          reportId: actual.report_id,
          reportKind: actual.kind,
          reportSequence: actual.sequence,
          reportStatus: actual.status,
          periodEnd: actual.period_end,
          value: actual.value,
          breakdown: actual.breakdown,
        }
      : null,
    version: row.version,
  };
}
