import { Module } from '@nestjs/common';
import { ComplianceModule } from '../compliance';
import { MailModule } from '../mail';
import { NotificationDispatchRepository } from './notification-dispatch.repository';
import { NotificationDispatchService } from './notification-dispatch.service';
import { NotificationScanService } from './notification-scan.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** In-app notifications and their mail, from committed changes and the daily scan. */
@Module({
  imports: [ComplianceModule, MailModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    NotificationsRepository,
    NotificationDispatchRepository,
    NotificationDispatchService,
    NotificationScanService,
  ],
  exports: [NotificationDispatchService, NotificationScanService],
})
export class NotificationsModule {}
