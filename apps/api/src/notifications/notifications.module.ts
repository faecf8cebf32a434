import { Module } from '@nestjs/common';
import { ComplianceModule } from '../compliance';
import { MailModule } from '../mail';
import { NotificationDispatchService } from './notification-dispatch.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** In-app notifications and their mail, from committed changes and the daily scan. */
@Module({
  imports: [ComplianceModule, MailModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationDispatchService],
  exports: [NotificationDispatchService],
})
export class NotificationsModule {}
