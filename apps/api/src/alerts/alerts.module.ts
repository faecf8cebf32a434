import { Module } from '@nestjs/common';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';

/** Consent alerts for the dashboard: withdrawn, expired or expiring consents, overdue requests. */
@Module({ controllers: [AlertsController], providers: [AlertsService] })
export class AlertsModule {}
