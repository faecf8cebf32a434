export { useContributionTotals } from './api/get-contribution-totals';
export { DonorLedger } from './components/DonorLedger';
export { TotalsCards } from './components/TotalsCards';
export { donorsOf, sumOf } from './lib/totals';
