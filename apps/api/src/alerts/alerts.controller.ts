import { Controller, Get, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../common/access/access.decorators';
import { AlertPage, AlertQuery } from './alerts.dto';
import { AlertsService } from './alerts.service';
import { OverdueReportPage, ReportQuery, ReportsService } from '../reports';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { exportAllPages } from '../common/export/all-pages';
import { ExportableListResponse, isFileExport } from '../common/export/export-format';
import { ALERT_EXPORT_COLUMNS } from './alert-export';

@ApiTags('alerts')
@Controller('v1/alerts')
export class AlertsController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly reports: ReportsService,
  ) {}

  @Get()
  @Authenticated('admin', 'staff')
  @ApiOperation({
    summary: 'Consents that need attention, by project code, country and alert',
    description:
      'Approved or active projects whose consent was withdrawn, has expired, expires within 90 days or ' +
      'is otherwise not valid; proposals waiting on a consent requested more than 60 days ago. Each ' +
      'names the project, the country and the consent record. An alert that means paragraph 6 no longer ' +
      'holds proposes suspending the project (`proposedDecision`).',
  })
  @ExportableListResponse(AlertPage)
  list(
    @Query() query: AlertQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AlertPage | StreamableFile> {
    if (isFileExport(query)) {
      return exportAllPages(request, reply, {
        name: 'alerts',
        format: query.format,
        columns: ALERT_EXPORT_COLUMNS,
        page: (cursor, limit) => this.alerts.list({ ...query, cursor, limit }),
      });
    }
    return this.alerts.list(query);
  }

  @Get('reports')
  @Authenticated('admin', 'staff')
  @ApiOperation({
    summary: 'Reports overdue: due date passed and not in, by due date',
    description:
      'Reports due or returned whose due date is before the day (today on the UTC calendar unless `on` is ' +
      'given): a report due today is not overdue. `total` counts them across pages.',
  })
  @ApiOkResponse({ type: OverdueReportPage })
  overdueReports(@Query() query: ReportQuery): Promise<OverdueReportPage> {
    return this.reports.overdue(query);
  }
}
