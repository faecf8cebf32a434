export { ReportsModule } from './reports.module';
export { ReportsService, reportName } from './reports.service';
export { OverdueReportPage, ReportQuery } from './reports.dto';
