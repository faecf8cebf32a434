import type { ExportColumn } from '../common/export/export-columns';
import type { DonorReceiptDto } from './receipts.dto';

/** The columns of a donor's receipts export: the list's fields, the currency beside each amount. */
export const DONOR_RECEIPT_EXPORT_COLUMNS: readonly ExportColumn<DonorReceiptDto>[] = [
  { label: 'receivedOn', type: 'date', value: (r) => r.receivedOn, width: 12 },
  { label: 'kind', type: 'text', value: (r) => r.kind, width: 10 },
  { label: 'amount', type: 'money', value: (r) => r.amount, width: 18 },
  { label: 'currency', type: 'text', value: (r) => r.currency, width: 8 },
  { label: 'exchangeRate', type: 'text', value: (r) => r.exchangeRate, width: 14 },
  { label: 'pledgeRate', type: 'text', value: (r) => r.pledgeRate, width: 14 },
  { label: 'usdAmount', type: 'money', value: (r) => r.usdAmount, width: 18 },
  { label: 'exchangeDifference', type: 'money', value: (r) => r.exchangeDifference, width: 18 },
  { label: 'earmarking', type: 'text', value: (r) => earmarkOf(r), width: 30 },
  { label: 'reference', type: 'text', value: (r) => r.reference, width: 20 },
  { label: 'status', type: 'text', value: (r) => r.pledgeStatus, width: 12 },
];

function earmarkOf(r: DonorReceiptDto): string | null {
  return r.earmarkKind === 'none' ? null : `${r.earmarkKind}: ${r.earmarkTarget ?? ''}`;
}
