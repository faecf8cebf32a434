export { NotificationsModule } from './notifications.module';
export { NotificationDispatchService } from './notification-dispatch.service';
export { NotificationScanService } from './notification-scan.service';
