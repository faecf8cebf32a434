export { LazyDonorStatementButton as DonorStatementButton } from './components/LazyDonorStatementButton';
export { FactSheetButton } from './components/FactSheetButton';
