import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports';
import { AlertsController } from './alerts.controller';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';
import { ReviewAlertsController } from './review-alerts.controller';
import { ReviewAlertsService } from './review-alerts.service';

/**
 * Alerts for the dashboard: withdrawn, expired or expiring consents, overdue consent requests,
 * overdue reports (the reports feature's); proposals under review too long and reviews past their
 * due date.
 */
@Module({
  imports: [ReportsModule],
  controllers: [AlertsController, ReviewAlertsController],
  providers: [AlertsService, ReviewAlertsService, AlertsRepository],
})
export class AlertsModule {}
