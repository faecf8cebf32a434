export { AuditModule } from './audit.module';
export { AuditService, projectOfChange } from './audit.service';
export type { AuditAction, AuditChange, RecordedChange } from './audit.service';
export type { AuditedEntity } from './audit-visibility';
