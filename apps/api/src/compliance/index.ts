export { ComplianceModule } from './compliance.module';
export { ComplianceService, todayUtc, worded } from './compliance.service';
export type { ProjectComplianceDto } from './compliance.dto';
export { consentsOfCandidatesSql, readConsentRecords } from './compliance-records';
export type { ComplianceRecords, ConsentRecords } from './compliance-records';
export {
  consentCountsSql,
  consentWithdrawnSql,
  paragraph6DateSql,
  projectStatusSql,
} from './paragraph-6.sql';
