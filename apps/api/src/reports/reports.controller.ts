import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { ChangeRoute, CreateRoute, ReadRoute, UuidParam } from '../common/routes/route.decorators';
import {
  ReportDto,
  ReportingSettingsDto,
  ReportPage,
  ReportQuery,
  ReviewReportRequest,
  SubmitReportRequest,
  UpdateReportingSettingsRequest,
} from './reports.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('v1')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @ReadRoute(ReportPage, {
    path: 'projects/:projectId/reports',
    summary: 'The reports a project owes, by due date, with their status',
    roles: ['admin', 'staff'],
  })
  list(@UuidParam('projectId') projectId: string, @Query() query: ReportQuery): Promise<ReportPage> {
    return this.reports.list(projectId, query);
  }

  @ReadRoute(ReportDto, { path: 'reports/:id', summary: 'One report', roles: ['admin', 'staff'] })
  get(@UuidParam() id: string): Promise<ReportDto> {
    return this.reports.get(id);
  }

  @CreateRoute(ReportDto, {
    path: 'reports/:id/submission',
    summary: 'Hand in a report that is due or was returned, with its documents',
    roles: ['admin', 'staff'],
  })
  submit(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
    @Body() body: SubmitReportRequest,
  ): Promise<ReportDto> {
    return this.reports.submit(ctx, id, version, body);
  }

  @CreateRoute(ReportDto, {
    path: 'reports/:id/review',
    summary: 'Accept a submitted report, or return it with comments (not by whoever submitted it)',
    roles: ['admin', 'staff'],
  })
  review(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @ExpectedVersion() version: number,
    @Body() body: ReviewReportRequest,
  ): Promise<ReportDto> {
    return this.reports.review(ctx, id, version, body);
  }
}

@ApiTags('reports')
@Controller('v1/reporting-settings')
export class ReportingSettingsController {
  constructor(private readonly reports: ReportsService) {}

  @ReadRoute(ReportingSettingsDto, {
    summary: 'When the reports a project owes are due: months after the period they cover',
    roles: ['admin', 'staff'],
  })
  get(): Promise<ReportingSettingsDto> {
    return this.reports.settings();
  }

  @ChangeRoute(ReportingSettingsDto, {
    path: '',
    summary: 'Change when reports are due (schedules laid out from then on follow the new terms)',
    roles: ['admin'],
  })
  update(
    @Ctx() ctx: RequestContext,
    @ExpectedVersion() version: number,
    @Body() body: UpdateReportingSettingsRequest,
  ): Promise<ReportingSettingsDto> {
    return this.reports.updateSettings(ctx, version, body);
  }
}
