import type { ExportColumn } from '../common/export/export-columns';
import type { TransferDto } from './transfers.dto';

/** The columns of the money entries' export (transfers, refunds, reversals), in US dollars. */
export const TRANSFER_EXPORT_COLUMNS: readonly ExportColumn<TransferDto>[] = [
  { label: 'project', type: 'text', value: (t) => t.projectCode, width: 14 },
  { label: 'organization', type: 'text', value: (t) => t.organizationName, width: 36 },
  { label: 'kind', type: 'text', value: (t) => t.kind, width: 10 },
  { label: 'usdAmount', type: 'money', value: (t) => t.amountUsd, width: 18 },
  { label: 'currency', type: 'text', value: () => 'USD', width: 8 },
  { label: 'transferredOn', type: 'date', value: (t) => t.transferredOn, width: 12 },
  { label: 'tranche', type: 'integer', value: (t) => t.tranche, width: 8 },
  { label: 'reference', type: 'text', value: (t) => t.reference, width: 20 },
  { label: 'reason', type: 'text', value: (t) => t.reason, width: 30 },
  { label: 'overrideJustification', type: 'text', value: (t) => t.overrideJustification, width: 30 },
  { label: 'createdAt', type: 'timestamp', value: (t) => t.createdAt, width: 20 },
];
