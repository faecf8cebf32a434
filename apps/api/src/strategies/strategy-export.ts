import type { ExportColumn } from '../common/export/export-columns';
import type { NationalStrategyDto } from './strategies.dto';

export const STRATEGY_EXPORT_COLUMNS: readonly ExportColumn<NationalStrategyDto>[] = [
  { label: 'country', type: 'text', value: (s) => s.countryIso3, width: 8 },
  { label: 'title', type: 'text', value: (s) => s.title, width: 48 },
  { label: 'periodFrom', type: 'date', value: (s) => s.periodFrom, width: 12 },
  { label: 'periodTo', type: 'date', value: (s) => s.periodTo, width: 12 },
  { label: 'priorityAreas', type: 'list', value: (s) => s.priorityAreas, width: 40 },
  { label: 'reference', type: 'text', value: (s) => s.reference, width: 30 },
  { label: 'version', type: 'integer', value: (s) => s.version, width: 8 },
  { label: 'updatedAt', type: 'timestamp', value: (s) => s.updatedAt, width: 20 },
];
