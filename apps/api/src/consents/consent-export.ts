import type { Role } from '@hstf/domain';
import type { ExportColumn } from '../common/export/export-columns';
import type { ConsentDto } from './consents.dto';

/** What every role that reads consents may see: the country, the status and its dates. */
const STATUS_COLUMNS: readonly ExportColumn<ConsentDto>[] = [
  { label: 'country', type: 'text', value: (c) => c.countryIso3, width: 8 },
  { label: 'status', type: 'text', value: (c) => c.status, width: 12 },
  { label: 'requestedOn', type: 'date', value: (c) => c.requestedOn, width: 12 },
  { label: 'grantedOn', type: 'date', value: (c) => c.grantedOn, width: 12 },
  { label: 'validUntil', type: 'date', value: (c) => c.validUntil, width: 12 },
];

/** The authority, the document and the withdrawal: staff and admin only, as in the JSON. */
const STAFF_COLUMNS: readonly ExportColumn<ConsentDto>[] = [
  ...STATUS_COLUMNS,
  { label: 'withdrawnOn', type: 'date', value: (c) => c.withdrawnOn ?? null, width: 12 },
  { label: 'withdrawalReason', type: 'text', value: (c) => c.withdrawalReason ?? null, width: 30 },
  { label: 'issuingOffice', type: 'text', value: (c) => c.issuingOffice ?? null, width: 30 },
  { label: 'signatory', type: 'text', value: (c) => c.signatory ?? null, width: 24 },
  { label: 'documentReference', type: 'text', value: (c) => c.documentReference ?? null, width: 24 },
  { label: 'scope', type: 'text', value: (c) => c.scope ?? null, width: 30 },
  { label: 'version', type: 'integer', value: (c) => c.version ?? null, width: 8 },
  { label: 'updatedAt', type: 'timestamp', value: (c) => c.updatedAt ?? null, width: 20 },
];

export function consentExportColumns(role: Role): readonly ExportColumn<ConsentDto>[] {
  return role === 'admin' || role === 'staff' ? STAFF_COLUMNS : STATUS_COLUMNS;
}
