export { ComplianceModule } from './compliance.module';
export { ComplianceService, todayUtc, worded } from './compliance.service';
export { queryComplianceRecords, readComplianceRecords, recordsOfCandidatesSql } from './compliance-records';
export type { ComplianceRecords } from './compliance-records';
export {
  consentCountsSql,
  consentWithdrawnSql,
  paragraph6DateSql,
  projectStatusSql,
} from './paragraph-6.sql';
