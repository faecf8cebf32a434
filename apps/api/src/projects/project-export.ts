import type { ExportColumn } from '../common/export/export-columns';
import type { ProjectExportRow } from './project-list.query';

/** The Fund keeps its accounts, and so every project budget, in United States dollars. */
const FUND_CURRENCY = 'USD';

/** The columns of the project list's export, in the order of the list on screen. */
export const PROJECT_EXPORT_COLUMNS: readonly ExportColumn<ProjectExportRow>[] = [
  { label: 'code', type: 'text', value: (p) => p.code, width: 14 },
  { label: 'title', type: 'text', value: (p) => p.title, width: 48 },
  { label: 'window', type: 'text', value: (p) => p.window, width: 8 },
  { label: 'stage', type: 'text', value: (p) => p.stage, width: 14 },
  { label: 'countries', type: 'list', value: (p) => p.countries, width: 20 },
  { label: 'leadOrganization', type: 'text', value: (p) => p.lead_organization, width: 24 },
  { label: 'requestedBudget', type: 'money', value: (p) => p.requested_budget, width: 16 },
  { label: 'approvedBudget', type: 'money', value: (p) => p.approved_budget, width: 16 },
  { label: 'currency', type: 'text', value: () => FUND_CURRENCY, width: 9 },
  { label: 'startDate', type: 'date', value: (p) => p.start_date, width: 12 },
  { label: 'endDate', type: 'date', value: (p) => p.end_date, width: 12 },
  { label: 'dimensions', type: 'list', value: (p) => p.dimensions, width: 30 },
  { label: 'version', type: 'integer', value: (p) => p.version, width: 8 },
  { label: 'updatedAt', type: 'timestamp', value: (p) => p.updated_at, width: 20 },
];
