import { Controller, Get, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../common/access/access.decorators';
import { AlertPage, AlertQuery } from './alerts.dto';
import { AlertsService } from './alerts.service';
import type { Request } from 'express';
import { exportAllPages } from '../common/export/all-pages';
import { ExportableListResponse, isFileExport } from '../common/export/export-format';
import { ALERT_EXPORT_COLUMNS } from './alert-export';

@ApiTags('alerts')
@Controller('v1/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @Authenticated('admin', 'staff')
  @ApiOperation({
    summary: 'Consents that need attention, by project code, country and alert',
    description:
      'Approved or active projects whose consent was withdrawn, has expired, expires within 90 days or ' +
      'is otherwise not valid; proposals waiting on a consent requested more than 60 days ago. Each ' +
      'names the project, the country and the consent record.',
  })
  @ExportableListResponse(AlertPage)
  list(@Query() query: AlertQuery, @Req() request: Request): Promise<AlertPage | StreamableFile> {
    if (isFileExport(query)) {
      return exportAllPages(request, {
        name: 'alerts',
        format: query.format,
        columns: ALERT_EXPORT_COLUMNS,
        page: (cursor, limit) => this.alerts.list({ ...query, cursor, limit }),
      });
    }
    return this.alerts.list(query);
  }
}
