export { AuditModule } from './audit.module';
export { AuditService } from './audit.service';
export type { AuditAction, AuditChange } from './audit.service';
