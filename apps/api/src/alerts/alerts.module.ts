import { Module } from '@nestjs/common';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';
import { ReviewAlertsController } from './review-alerts.controller';
import { ReviewAlertsService } from './review-alerts.service';

/**
 * Alerts for the dashboard: withdrawn, expired or expiring consents, overdue requests; proposals
 * under review too long and reviews past their due date.
 */
@Module({
  controllers: [AlertsController, ReviewAlertsController],
  providers: [AlertsService, ReviewAlertsService],
})
export class AlertsModule {}
