import { Foundation1763870000000 } from './1763870000000-foundation';
import { LoadCountries1763870000001 } from './1763870000001-load-countries';
import { PortfolioRecords1763870000002 } from './1763870000002-portfolio-records';
import { FundRecords1763870000004 } from './1763870000004-fund-records';
import { ReviewsAndLifecycle1763870000005 } from './1763870000005-reviews-and-lifecycle';
import { FundLedgerLock1763870000007 } from './1763870000007-fund-ledger-lock';
import { AppRolePrivileges1763870000008 } from './1763870000008-app-role-privileges';
import { SignInThrottle1763870000050 } from './1763870000050-sign-in-throttle';
import { MoneyEntries1763870000051 } from './1763870000051-money-entries';
import { RevisionsAndLessons1763880000100 } from './1763880000100-revisions-and-lessons';
import { SuspendedStage1763880000200 } from './1763880000200-suspended-stage';
import { AuditProject1763880000201 } from './1763880000201-audit-project';
import { ReviewRounds1763880000300 } from './1763880000300-review-rounds';
import { ReportsAndResults1763880000400 } from './1763880000400-reports-and-results';
import { BackgroundJobs1763880000500 } from './1763880000500-background-jobs';
import { Notifications1763880000501 } from './1763880000501-notifications';
import { AccountLinks1763880000502 } from './1763880000502-account-links';
import { ContributionReceipts1763890000100 } from './1763890000100-contribution-receipts';
import { ReceiptOrder1763890000101 } from './1763890000101-receipt-order';
import { TrancheSchedule1763890000200 } from './1763890000200-tranche-schedule';
import { ReportScheduleBackfill1763890000300 } from './1763890000300-report-schedule-backfill';
import { NotificationsAtCommit1763890000400 } from './1763890000400-notifications-at-commit';
import { ResetThrottle1763890000401 } from './1763890000401-reset-throttle';
import { Imports1763890000600 } from './1763890000600-imports';
import { OrganizationContacts1763900000300 } from './1763900000300-organization-contacts';
import { IatiFile1763900000301 } from './1763900000301-iati-file';
import { Documents1763900000400 } from './1763900000400-documents';
import { ImportKeys1763900000500 } from './1763900000500-import-keys';
import { ProjectTranslations1763900000700 } from './1763900000700-project-translations';
import { PersonalAccessTokens1763900000800 } from './1763900000800-personal-access-tokens';
import { ExportJobs1763900000900 } from './1763900000900-export-jobs';
import { DashboardSummary1763900001200 } from './1763900001200-dashboard-summary';

/** Every migration, in order. Listed explicitly so the build and the tests run the same set. */
export const MIGRATIONS = [
  Foundation1763870000000,
  LoadCountries1763870000001,
  PortfolioRecords1763870000002,
  FundRecords1763870000004,
  ReviewsAndLifecycle1763870000005,
  FundLedgerLock1763870000007,
  AppRolePrivileges1763870000008,
  SignInThrottle1763870000050,
  MoneyEntries1763870000051,
  RevisionsAndLessons1763880000100,
  SuspendedStage1763880000200,
  AuditProject1763880000201,
  ReviewRounds1763880000300,
  ReportsAndResults1763880000400,
  BackgroundJobs1763880000500,
  Notifications1763880000501,
  AccountLinks1763880000502,
  ContributionReceipts1763890000100,
  ReceiptOrder1763890000101,
  TrancheSchedule1763890000200,
  ReportScheduleBackfill1763890000300,
  NotificationsAtCommit1763890000400,
  ResetThrottle1763890000401,
  Imports1763890000600,
  OrganizationContacts1763900000300,
  IatiFile1763900000301,
  Documents1763900000400,
  ImportKeys1763900000500,
  ProjectTranslations1763900000700,
  PersonalAccessTokens1763900000800,
  ExportJobs1763900000900,
  DashboardSummary1763900001200,
];
