export { NotificationsModule } from './notifications.module';
export { NotificationDispatchService } from './notification-dispatch.service';
