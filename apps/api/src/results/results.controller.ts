import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
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
  ResultsOverviewQuery,
  UpdateIndicatorRequest,
  UpdateOutcomeRequest,
} from './results.dto';
import { ResultsService } from './results.service';

@ApiTags('results')
@Controller('v1')
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @ReadRoute(ProjectResultsDto, {
    path: 'projects/:projectId/results',
    summary:
      "A project's outcomes, outputs and indicators: targets against the latest actuals, people reached",
    roles: ['admin', 'staff', 'donor'],
  })
  project(@UuidParam('projectId') projectId: string): Promise<ProjectResultsDto> {
    return this.results.project(projectId);
  }

  @CreateRoute(OutcomeDto, {
    path: 'projects/:projectId/outcomes',
    summary: 'Add an outcome to a project',
    roles: ['admin', 'staff'],
  })
  createOutcome(
    @Ctx() ctx: RequestContext,
    @UuidParam('projectId') projectId: string,
    @Body() body: CreateOutcomeRequest,
  ): Promise<OutcomeDto> {
    return this.results.createOutcome(ctx, projectId, body);
  }

  @ChangeRoute(OutcomeDto, { path: 'outcomes/:id', summary: 'Change an outcome', roles: ['admin', 'staff'] })
  updateOutcome(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
    @Body() body: UpdateOutcomeRequest,
  ): Promise<OutcomeDto> {
    return this.results.updateOutcome(ctx, id, version, body);
  }

  @CreateRoute(OutputDto, {
    path: 'projects/:projectId/outputs',
    summary: 'Add an output to an outcome of a project',
    roles: ['admin', 'staff'],
  })
  createOutput(
    @Ctx() ctx: RequestContext,
    @UuidParam('projectId') projectId: string,
    @Body() body: CreateOutputRequest,
  ): Promise<OutputDto> {
    return this.results.createOutput(ctx, projectId, body);
  }

  @CreateRoute(ResultIndicatorDto, {
    path: 'projects/:projectId/indicators',
    summary: 'Add an indicator with its baseline and target to an outcome or an output of a project',
    roles: ['admin', 'staff'],
  })
  createIndicator(
    @Ctx() ctx: RequestContext,
    @UuidParam('projectId') projectId: string,
    @Body() body: CreateIndicatorRequest,
  ): Promise<ResultIndicatorDto> {
    return this.results.createIndicator(ctx, projectId, body);
  }

  @ChangeRoute(ResultIndicatorDto, {
    path: 'indicators/:id',
    summary: 'Change an indicator',
    roles: ['admin', 'staff'],
  })
  updateIndicator(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
    @Body() body: UpdateIndicatorRequest,
  ): Promise<ResultIndicatorDto> {
    return this.results.updateIndicator(ctx, id, version, body);
  }

  @RemoveRoute({
    path: 'outcomes/:id',
    summary: 'Delete an outcome',
    roles: ['admin', 'staff'],
    description: 'Deleted',
  })
  @ApiUnprocessableEntityResponse({ description: 'The outcome still holds outputs or indicators' })
  removeOutcome(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
  ): Promise<void> {
    return this.results.removeOutcome(ctx, id, version);
  }

  @RemoveRoute({
    path: 'outputs/:id',
    summary: 'Delete an output',
    roles: ['admin', 'staff'],
    description: 'Deleted',
  })
  @ApiUnprocessableEntityResponse({ description: 'The output still holds indicators' })
  removeOutput(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
  ): Promise<void> {
    return this.results.removeOutput(ctx, id, version);
  }

  @RemoveRoute({
    path: 'indicators/:id',
    summary: 'Delete an indicator, with the actuals of reports not yet accepted',
    roles: ['admin', 'staff'],
    description: 'Deleted',
  })
  @ApiUnprocessableEntityResponse({ description: 'An accepted report records an actual of the indicator' })
  removeIndicator(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
  ): Promise<void> {
    return this.results.removeIndicator(ctx, id, version);
  }

  @ReadRoute(ReportResultsDto, {
    path: 'reports/:id/results',
    summary: 'What a narrative report records: actual per indicator, people reached',
    roles: ['admin', 'staff'],
  })
  reportResults(@UuidParam() id: string): Promise<ReportResultsDto> {
    return this.results.reportResults(id);
  }

  @ChangeRoute(ReportResultsDto, {
    path: 'reports/:id/results',
    summary:
      'Record what a report due or returned says: actual per indicator, people reached (replaced whole)',
    roles: ['admin', 'staff'],
  })
  recordReportResults(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
    @Body() body: RecordResultsRequest,
  ): Promise<ReportResultsDto> {
    return this.results.recordReportResults(ctx, id, version, body);
  }

  @ReadRoute(ResultsOverviewDto, {
    path: 'results/overview',
    summary: 'People reached by dimension, principle, country and year; reports overdue',
    roles: ['admin', 'staff', 'donor'],
  })
  overview(@Query() query: ResultsOverviewQuery): Promise<ResultsOverviewDto> {
    return this.results.overview(query.on);
  }
}
