import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DestinationStream } from 'pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ChangeEventsModule } from './common/events/change-events';
import { LoggingModule } from './common/logging';
import { ProblemDetailsFilter } from './common/problem-details/problem-details.filter';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { CountriesModule } from './countries/countries.module';
import { typeormOptions } from './database/typeorm-options';
import { HealthModule } from './health/health.module';
import { ShutdownModule } from './shutdown/shutdown-state';
import { OrganizationsModule } from './organizations/organizations.module';
import { UsersModule } from './users/users.module';
import { ProjectsModule } from './projects/projects.module';
import { StrategiesModule } from './strategies/strategies.module';
import { AlignmentsModule } from './alignments/alignments.module';
import { ConsentsModule } from './consents/consents.module';
import { DonorsModule } from './donors/donors.module';
import { ContributionsModule } from './contributions/contributions.module';
import { ReceiptsModule } from './receipts';
import { TransfersModule } from './transfers/transfers.module';
import { FundModule } from './fund/fund.module';
import { ReviewsModule } from './reviews/reviews.module';
import { ComplianceModule } from './compliance/compliance.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { AlertsModule } from './alerts/alerts.module';
import { RevisionsModule } from './revisions/revisions.module';
import { LessonsModule } from './lessons/lessons.module';
import { ReportsModule } from './reports/reports.module';
import { TranchesModule } from './tranches';
import { ResultsModule } from './results/results.module';
import { ExportJobsModule } from './export-jobs/export-jobs.module';
import { IatiModule } from './iati/iati.module';
import { StatementsModule } from './statements/statements.module';
import { PublicPageModule } from './public-page/public-page.module';
import { JobsModule } from './jobs';
import { MailModule } from './mail';
import { NotificationsModule } from './notifications';
import { ReadReplicasModule } from './database/read-replicas';
import { AccountLinksModule } from './account-links';
import { ImportsModule } from './imports';
import { DocumentsModule } from './documents';

@Global()
@Module({})
class ConfigModule {
  static of(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}

@Module({})
export class AppModule {
  /** `logDestination` replaces stdout for the log lines (the tests read them). */
  static forRoot(
    config: AppConfig,
    databaseUrl: string,
    options: { logDestination?: DestinationStream } = {},
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.of(config),
        ShutdownModule,
        LoggingModule.forRoot(config, options.logDestination),
        TypeOrmModule.forRoot({ ...typeormOptions(config, databaseUrl), retryAttempts: 3, retryDelay: 1000 }),
        ChangeEventsModule,
        ReadReplicasModule,
        AuditModule,
        HealthModule,
        AuthModule,
        UsersModule,
        CountriesModule,
        OrganizationsModule,
        ProjectsModule,
        StrategiesModule,
        AlignmentsModule,
        ConsentsModule,
        DonorsModule,
        ContributionsModule,
        ReceiptsModule,
        TransfersModule,
        FundModule,
        ReviewsModule,
        ComplianceModule,
        LifecycleModule,
        DashboardModule,
        AlertsModule,
        RevisionsModule,
        LessonsModule,
        ReportsModule,
        TranchesModule,
        ResultsModule,
        IatiModule,
        ExportJobsModule,
        StatementsModule,
        PublicPageModule,
        JobsModule,
        MailModule,
        NotificationsModule,
        AccountLinksModule,
        ImportsModule,
        DocumentsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
