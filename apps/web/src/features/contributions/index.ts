export { useContributionTotals } from './api/get-contribution-totals';
export { ContributionsTable } from './components/ContributionsTable';
export { DonorLedger } from './components/DonorLedger';
export { TotalsCards } from './components/TotalsCards';
export { donorsOf, sumOf } from './lib/totals';
