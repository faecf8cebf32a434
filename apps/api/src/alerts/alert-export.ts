import type { ExportColumn } from '../common/export/export-columns';
import type { ConsentAlertDto } from './alerts.dto';

export const ALERT_EXPORT_COLUMNS: readonly ExportColumn<ConsentAlertDto>[] = [
  { label: 'alert', type: 'text', value: (a) => a.code, width: 26 },
  { label: 'code', type: 'text', value: (a) => a.projectCode, width: 14 },
  { label: 'title', type: 'text', value: (a) => a.projectTitle, width: 40 },
  { label: 'stage', type: 'text', value: (a) => a.stage, width: 12 },
  { label: 'country', type: 'text', value: (a) => a.country, width: 8 },
  { label: 'countryName', type: 'text', value: (a) => a.countryName, width: 20 },
  { label: 'message', type: 'text', value: (a) => a.message, width: 60 },
];
