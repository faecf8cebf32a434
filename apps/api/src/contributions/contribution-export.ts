import type { ExportColumn } from '../common/export/export-columns';
import type { ContributionDto } from './contributions.dto';

/** The columns of the contributions' export: the list's fields, the currency beside each amount. */
export const CONTRIBUTION_EXPORT_COLUMNS: readonly ExportColumn<ContributionDto>[] = [
  { label: 'donor', type: 'text', value: (c) => c.donorName, width: 32 },
  { label: 'pledgedOn', type: 'date', value: (c) => c.pledgedOn, width: 12 },
  { label: 'receivedOn', type: 'date', value: (c) => c.receivedOn, width: 12 },
  { label: 'amount', type: 'money', value: (c) => c.amount, width: 18 },
  { label: 'currency', type: 'text', value: (c) => c.currency, width: 8 },
  { label: 'usdAmount', type: 'money', value: (c) => c.usdAmount, width: 18 },
  { label: 'exchangeRate', type: 'text', value: (c) => c.exchangeRate, width: 14 },
  { label: 'status', type: 'text', value: (c) => c.status, width: 12 },
  { label: 'earmarking', type: 'text', value: (c) => c.earmarking, width: 30 },
  { label: 'reference', type: 'text', value: (c) => c.reference, width: 20 },
  { label: 'illustrative', type: 'text', value: (c) => String(c.illustrative), width: 10 },
  { label: 'version', type: 'integer', value: (c) => c.version, width: 8 },
  { label: 'updatedAt', type: 'timestamp', value: (c) => c.updatedAt, width: 20 },
];
