import type { ExportColumn } from '../common/export/export-columns';
import type { AuditEntryDto } from './audit.dto';

const json = (value: Record<string, unknown> | null) => (value === null ? null : JSON.stringify(value));

/** The audit log's columns; the record before and after the change as the JSON list gives it. */
export const AUDIT_EXPORT_COLUMNS: readonly ExportColumn<AuditEntryDto>[] = [
  { label: 'occurredAt', type: 'timestamp', value: (a) => a.occurredAt, width: 20 },
  { label: 'actor', type: 'text', value: (a) => a.actorEmail, width: 28 },
  { label: 'action', type: 'text', value: (a) => a.action, width: 12 },
  { label: 'entity', type: 'text', value: (a) => a.entity, width: 16 },
  { label: 'entityId', type: 'text', value: (a) => a.entityId, width: 38 },
  { label: 'requestId', type: 'text', value: (a) => a.requestId, width: 38 },
  { label: 'before', type: 'text', value: (a) => json(a.before), width: 60 },
  { label: 'after', type: 'text', value: (a) => json(a.after), width: 60 },
];
