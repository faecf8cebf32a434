import type { ExportColumn } from '../common/export/export-columns';
import type { DonorDto } from './donors.dto';

export const DONOR_EXPORT_COLUMNS: readonly ExportColumn<DonorDto>[] = [
  { label: 'name', type: 'text', value: (d) => d.name, width: 36 },
  { label: 'kind', type: 'text', value: (d) => d.kind, width: 22 },
  { label: 'country', type: 'text', value: (d) => d.countryIso3, width: 8 },
  { label: 'version', type: 'integer', value: (d) => d.version, width: 8 },
  { label: 'createdAt', type: 'timestamp', value: (d) => d.createdAt, width: 20 },
  { label: 'updatedAt', type: 'timestamp', value: (d) => d.updatedAt, width: 20 },
];
