import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';

/**
 * Alerts for the dashboard: withdrawn, expired or expiring consents, overdue consent requests, and
 * overdue reports (the reports feature's).
 */
@Module({ imports: [ReportsModule], controllers: [AlertsController], providers: [AlertsService] })
export class AlertsModule {}
